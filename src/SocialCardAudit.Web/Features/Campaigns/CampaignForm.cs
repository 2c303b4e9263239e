using FluentValidation;
using SocialCardAudit.Domain.Campaigns;

namespace SocialCardAudit.Web.Features.Campaigns;

public sealed class CampaignForm
{
    public const int PhaseRows = 4;

    /// <summary>The town whose campaign it is; null for a county campaign (全县).</summary>
    public int? TownId { get; set; }
    public CampaignKind Kind { get; set; } = CampaignKind.Audit;
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public List<int> VillageIds { get; set; } = [];
    public List<string?> PhaseNames { get; set; } = [];
    public List<DateOnly?> PhaseDeadlines { get; set; } = [];

    public CampaignTerms ToTerms() => new(
        Code, Name, DocumentNumber, StartDate ?? default, EndDate ?? default, VillageIds.Distinct().ToList(),
        PhaseNames.Select((n, i) => (Name: n, Deadline: i < PhaseDeadlines.Count ? PhaseDeadlines[i] : null))
            .Where(p => !string.IsNullOrWhiteSpace(p.Name) || p.Deadline is not null)
            .Select(p => new PhaseTerms(p.Name ?? "", p.Deadline ?? default))
            .ToList(),
        Kind);

    public static CampaignForm From(Campaign c) => new()
    {
        TownId = c.TownId,
        Kind = c.Kind,
        Code = c.Code,
        Name = c.Name,
        DocumentNumber = c.DocumentNumber,
        StartDate = c.StartDate,
        EndDate = c.EndDate,
        VillageIds = c.Villages.Select(v => v.VillageId).ToList(),
        PhaseNames = c.Phases.OrderBy(p => p.Deadline).Select(p => (string?)p.Name).ToList(),
        PhaseDeadlines = c.Phases.OrderBy(p => p.Deadline).Select(p => (DateOnly?)p.Deadline).ToList(),
    };
}

/// <summary>Required dates here; the rules between the fields are the Domain's (<see cref="CampaignTerms.Validate"/>).</summary>
public sealed class CampaignFormValidator : AbstractValidator<CampaignForm>
{
    public CampaignFormValidator()
    {
        RuleFor(f => f.StartDate).NotNull().WithMessage("请填写开始日期。");
        RuleFor(f => f.EndDate).NotNull().WithMessage("请填写结束日期。");
        RuleFor(f => f.PhaseDeadlines).Must((f, d) => f.PhaseNames.Select((n, i) => string.IsNullOrWhiteSpace(n) || (i < d.Count && d[i] is not null)).All(ok => ok))
            .WithMessage("每个阶段都要填写截止日期。");
        RuleFor(f => f).Custom((f, context) =>
        {
            if (f.StartDate is null || f.EndDate is null)
            {
                return;
            }
            foreach (var e in f.ToTerms().Validate())
            {
                context.AddFailure(e.Field, e.Message);
            }
        });
    }
}
