using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Data.Model;

internal sealed class VerificationRecordConfiguration : IEntityTypeConfiguration<VerificationRecord>
{
    public void Configure(EntityTypeBuilder<VerificationRecord> e)
    {
        e.Property(r => r.HandedInBank).HasMaxLength(OrgUnit.MaxNameLength);
        e.Property(r => r.CardWhereabouts).HasMaxLength(FindingRules.MaxText);
        e.Property(r => r.Phone).HasMaxLength(TaskRowLimits.Phone);
        e.Property(r => r.ProxyName).HasMaxLength(Domain.People.PersonName.MaxLength);
        e.Property(r => r.ProxyRelation).HasMaxLength(20);
        e.Property(r => r.Note).HasMaxLength(FindingRules.MaxNote);
        e.Property(r => r.RecordedById).HasMaxLength(450);
        // Every save names the version it was made from; a save from an older one is refused, not merged.
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne<TaskRow>().WithOne().HasForeignKey<VerificationRecord>(r => r.TaskRowId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => r.TaskRowId).IsUnique();
        // The weekly report counts findings per village and outcome from this index alone; the tenant is in it
        // because every query carries the tenant filter, and a column outside the index means reading the rows.
        e.HasIndex(r => new { r.CampaignId, r.VillageId, r.Outcome, r.TenantId });
        e.HasIndex(r => new { r.CampaignId, r.VillageId, r.Outcome });
    }
}

internal sealed class VerificationVersionConfiguration : IEntityTypeConfiguration<VerificationVersion>
{
    private static readonly System.Text.Json.JsonSerializerOptions FindingJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All), // Chinese stays readable
    };

    public void Configure(EntityTypeBuilder<VerificationVersion> e)
    {
        // The finding as it was, whole: later schema changes never rewrite history.
        e.Property(v => v.Finding).HasConversion(
            f => System.Text.Json.JsonSerializer.Serialize(f, FindingJson),
            s => System.Text.Json.JsonSerializer.Deserialize<Finding>(s, FindingJson)!);
        e.Property(v => v.Changes).HasMaxLength(2000);
        e.Property(v => v.ChangedById).HasMaxLength(450);
        e.HasOne<TaskRow>().WithMany().HasForeignKey(v => v.TaskRowId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(v => new { v.TaskRowId, v.Version }).IsUnique();
        e.OwnsOne(v => v.Place, p =>
        {
            p.Property(x => x.Latitude).HasColumnName("PlaceLatitude");
            p.Property(x => x.Longitude).HasColumnName("PlaceLongitude");
            p.Property(x => x.AccuracyMeters).HasColumnName("PlaceAccuracyMeters");
            p.Property(x => x.AtUtc).HasColumnName("PlacedAtUtc");
        });
    }
}

internal sealed class ProcessedRequestConfiguration : IEntityTypeConfiguration<ProcessedRequest>
{
    public void Configure(EntityTypeBuilder<ProcessedRequest> e)
    {
        e.Property(p => p.UserId).HasMaxLength(450);
        e.Property(p => p.Id).ValueGeneratedNever();
    }
}

internal sealed class SuspiciousIssueConfiguration : IEntityTypeConfiguration<SuspiciousIssue>
{
    public void Configure(EntityTypeBuilder<SuspiciousIssue> e)
    {
        e.Property(i => i.Reason).HasMaxLength(100);
        e.Property(i => i.Details).HasMaxLength(SuspiciousIssue.MaxText);
        e.Property(i => i.Resolution).HasMaxLength(SuspiciousIssue.MaxText);
        e.Property(i => i.RaisedById).HasMaxLength(450);
        e.Property(i => i.ClosedById).HasMaxLength(450);
        e.Ignore(i => i.IsOpen);
        e.HasOne<TaskRow>().WithMany().HasForeignKey(i => i.TaskRowId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(i => i.Comments).WithOne().HasForeignKey(c => c.IssueId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(i => new { i.CampaignId, i.VillageId, i.ClosedAtUtc });
        e.HasIndex(i => i.TaskRowId);
    }
}

internal sealed class IssueCommentConfiguration : IEntityTypeConfiguration<IssueComment>
{
    public void Configure(EntityTypeBuilder<IssueComment> e)
    {
        e.Property(c => c.Text).HasMaxLength(SuspiciousIssue.MaxText);
        e.Property(c => c.ById).HasMaxLength(450);
    }
}

internal sealed class FraudCaseConfiguration : IEntityTypeConfiguration<FraudCase>
{
    public void Configure(EntityTypeBuilder<FraudCase> e)
    {
        e.Property(c => c.AmountClaimed).HasPrecision(12, 2);
        e.Property(c => c.Note).HasMaxLength(SuspiciousIssue.MaxText);
        e.Property(c => c.OpenedById).HasMaxLength(450);
        e.Ignore(c => c.Recovered);
        e.Ignore(c => c.Outstanding);
        e.HasOne<SuspiciousIssue>().WithMany().HasForeignKey(c => c.IssueId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Recoveries).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => c.IssueId).IsUnique();
        e.HasIndex(c => new { c.CampaignId, c.VillageId });
    }
}

internal sealed class FraudRecoveryConfiguration : IEntityTypeConfiguration<FraudRecovery>
{
    public void Configure(EntityTypeBuilder<FraudRecovery> e)
    {
        e.Property(r => r.Amount).HasPrecision(12, 2);
        e.Property(r => r.ById).HasMaxLength(450);
    }
}

internal sealed class FindingAttachmentConfiguration : IEntityTypeConfiguration<FindingAttachment>
{
    public void Configure(EntityTypeBuilder<FindingAttachment> e)
    {
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.ContentType).HasMaxLength(20);
        e.Property(a => a.UploadedById).HasMaxLength(450);
        e.HasOne<TaskRow>().WithMany().HasForeignKey(a => a.TaskRowId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => a.TaskRowId);
    }
}
