using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.Data.Model;

internal sealed class VillageSubmissionConfiguration : IEntityTypeConfiguration<VillageSubmission>
{
    public void Configure(EntityTypeBuilder<VillageSubmission> e)
    {
        e.Ignore(v => v.AllowsFindingChanges);
        e.Ignore(v => v.SignedDigest);
        e.HasOne<Campaign>().WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(v => v.VillageId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(v => v.Steps).WithOne().HasForeignKey(s => s.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(v => new { v.CampaignId, v.VillageId }).IsUnique();
        // Two town officers acting at once on one village: the second is refused, not merged.
        e.Property(v => v.State).IsConcurrencyToken();
        e.Ignore(v => v.ReturnedRows);
    }
}

internal sealed class TownSignatureConfiguration : IEntityTypeConfiguration<TownSignature>
{
    public void Configure(EntityTypeBuilder<TownSignature> e)
    {
        e.Property(t => t.SignedById).HasMaxLength(450);
        e.Property(t => t.Digest).HasMaxLength(68); // "sm3:" and 64 hex digits
        e.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.TownId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(t => new { t.CampaignId, t.TownId });
    }
}

internal sealed class SubmissionStepConfiguration : IEntityTypeConfiguration<SubmissionStep>
{
    public void Configure(EntityTypeBuilder<SubmissionStep> e)
    {
        e.Property(s => s.ById).HasMaxLength(450);
        e.Property(s => s.Reason).HasMaxLength(500);
        e.Property(s => s.Digest).HasMaxLength(68);
        e.HasMany(s => s.Rows).WithOne().HasForeignKey(r => r.StepId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReturnedRowConfiguration : IEntityTypeConfiguration<ReturnedRow>
{
    public void Configure(EntityTypeBuilder<ReturnedRow> e)
    {
        e.Property(r => r.Reason).HasMaxLength(200);
        e.HasOne<TaskRow>().WithMany().HasForeignKey(r => r.TaskRowId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => r.TaskRowId);
    }
}
