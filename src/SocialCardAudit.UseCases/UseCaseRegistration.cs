using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialCardAudit.UseCases;

public static class UseCaseRegistration
{
    /// <summary>Every use case, for the web app, the command line and background work alike.</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        services.AddScoped<Verification.RecordFinding>();
        services.AddScoped<SignOff.SubmitVillage>();
        services.AddScoped<SignOff.ApproveVillage>();
        services.AddScoped<SignOff.ReturnVillage>();
        services.AddScoped<SignOff.ReopenVillage>();
        services.AddScoped<SignOff.SignTownTotal>();
        services.AddScoped<Issues.CommentOnIssue>();
        services.AddScoped<Issues.CloseIssue>();
        services.AddScoped<Issues.RecordRecovery>();
        services.AddScoped<Issues.ReferFraudCase>();
        services.AddScoped<Issues.RaiseIssue>();
        services.AddScoped<Issues.OpenFraudCase>();
        services.AddScoped<Cards.MoveCard>();
        services.AddScoped<Cards.RecordSecondIssue>();
        services.AddScoped<Cards.ReportLostCard>();
        services.AddScoped<Cards.RequestCustody>();
        services.AddScoped<Cards.DecideCustody>();
        services.AddScoped<Cards.ReceiveHandover>();
        services.AddScoped<Cards.ResolveHandoverCard>();
        services.AddScoped<Cards.SendHandover>();
        services.AddScoped<Cards.MarkDormantCards>();
        services.AddScoped<Cards.AcknowledgeLostCard>();
        services.AddScoped<Tasks.AssignRows>();
        services.AddScoped<Campaigns.CloseCampaign>();
        services.AddScoped<Campaigns.SaveCampaign>();
        services.AddScoped<Campaigns.FreezeWeek>();
        services.AddScoped<Issuance.VerifyPerson>();
        services.AddScoped<Issuance.MakeBatch>();
        services.AddScoped<Issuance.RecordMakingResult>();
        services.AddScoped<Issuance.IssueCard>();
        services.AddScoped<Issuance.IssuanceProgress>();
        services.AddScoped<Archive.CompileArchive>();
        services.AddScoped<Imports.StartImport>();
        services.AddScoped<Imports.CancelImport>();
        services.AddSingleton<Imports.ImportNode>();
        services.TryAddSingleton(new Imports.ImportSettings());
        services.AddSingleton<Imports.RunImport>();
        return services;
    }
}
