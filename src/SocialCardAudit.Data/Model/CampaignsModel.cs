using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.Data.Model;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.Property(c => c.Code).HasMaxLength(32);
        e.Property(c => c.Name).HasMaxLength(CampaignTerms.MaxText);
        e.Property(c => c.DocumentNumber).HasMaxLength(CampaignTerms.MaxText);
        e.Ignore(c => c.IsClosed);
        e.Ignore(c => c.IsCountyWide);
        e.Ignore(c => c.TownIds);
        e.Ignore(c => c.IsIssuance);
        e.Ignore(c => c.Plan);
        e.Ignore(c => c.KindName);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.TownId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.TenantId, c.Code }).IsUnique();
        e.HasMany(c => c.Villages).WithOne().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignVillageConfiguration : IEntityTypeConfiguration<CampaignVillage>
{
    public void Configure(EntityTypeBuilder<CampaignVillage> e)
    {
        e.HasKey(v => new { v.CampaignId, v.VillageId });
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(v => v.VillageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(v => v.TownId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(v => new { v.TownId, v.CampaignId }); // the campaigns a town office sees
    }
}

internal sealed class CampaignPhaseConfiguration : IEntityTypeConfiguration<CampaignPhase>
{
    public void Configure(EntityTypeBuilder<CampaignPhase> e)
    {
        e.Property(p => p.Name).HasMaxLength(50);
    }
}

/// <summary>Every import job, task list or card register, in one table: whichever node runs the jobs reads and takes them there.</summary>
internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> e)
    {
        e.ToTable("ImportJobs");
        e.HasDiscriminator(i => i.Kind)
            .HasValue<TaskImport>(ImportKind.TaskList)
            .HasValue<CardImport>(ImportKind.CardRegister)
            .HasValue<Domain.Issuance.ComparisonImport>(ImportKind.ComparisonList);
        e.Property(i => i.FileName).HasMaxLength(255);
        e.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        e.Property(i => i.UserId).HasMaxLength(450);
        e.Property(i => i.UserName).HasMaxLength(256);
        e.Property(i => i.Message).HasMaxLength(1000);
        e.Property(i => i.RunBy).HasMaxLength(200);
        e.Ignore(i => i.IsFinished);
        e.HasIndex(i => i.Status); // every node looks for queued jobs and lapsed leases every few seconds
    }
}

internal sealed class ImportFileChunkConfiguration : IEntityTypeConfiguration<ImportFileChunk>
{
    public void Configure(EntityTypeBuilder<ImportFileChunk> e)
    {
        e.HasKey(c => new { c.JobId, c.Number });
        e.HasOne<ImportJob>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskImportConfiguration : IEntityTypeConfiguration<TaskImport>
{
    public void Configure(EntityTypeBuilder<TaskImport> e)
    {
        e.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(i => new { i.TenantId, i.CampaignId });
    }
}

internal sealed class TaskRowConfiguration : IEntityTypeConfiguration<TaskRow>
{
    public void Configure(EntityTypeBuilder<TaskRow> e)
    {
        e.Property(r => r.Name).HasMaxLength(Domain.People.PersonName.MaxLength);
        e.Property(r => r.IdNumberHash).HasMaxLength(Protection.PersonalDataProtector.HashSize).IsFixedLength();
        e.Property(r => r.IdNumberMasked).HasMaxLength(18);
        e.Property(r => r.BankCardMasked).HasMaxLength(25);
        e.Property(r => r.Address).HasMaxLength(TaskRowLimits.Address);
        e.Property(r => r.Phone).HasMaxLength(TaskRowLimits.Phone);
        e.Property(r => r.ImportFlags).HasMaxLength(500);
        e.Property(r => r.VerifierId).HasMaxLength(450);
        e.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.VillageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.ResidentGroupId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TaskImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.VerifierId).OnDelete(DeleteBehavior.Restrict);
        // One row per person and campaign: the blind index makes the duplicate check exact without decrypting.
        e.HasIndex(r => new { r.CampaignId, r.IdNumberHash }).IsUnique();
        e.HasIndex(r => new { r.CampaignId, r.VillageId, r.ResidentGroupId, r.TenantId }); // covers the report's count per village
        e.HasIndex(r => new { r.TenantId, r.VerifierId });
    }
}

internal sealed class TaskAssignmentConfiguration : IEntityTypeConfiguration<TaskAssignment>
{
    public void Configure(EntityTypeBuilder<TaskAssignment> e)
    {
        e.Property(a => a.FromVerifierId).HasMaxLength(450);
        e.Property(a => a.ToVerifierId).HasMaxLength(450);
        e.Property(a => a.ByUserId).HasMaxLength(450);
        e.HasOne<TaskRow>().WithMany().HasForeignKey(a => a.TaskRowId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => a.TaskRowId);
    }
}
