using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Data.Model;

internal sealed class IssuanceCaseConfiguration : IEntityTypeConfiguration<IssuanceCase>
{
    private static readonly System.Text.Json.JsonSerializerOptions ElementsJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public void Configure(EntityTypeBuilder<IssuanceCase> e)
    {
        e.Property(c => c.Name).HasMaxLength(Domain.People.PersonName.MaxLength);
        e.Property(c => c.IdNumberHash).HasMaxLength(Protection.PersonalDataProtector.HashSize).IsFixedLength();
        e.Property(c => c.IdNumberMasked).HasMaxLength(18);
        e.Property(c => c.ComparisonNote).HasMaxLength(200);
        e.Property(c => c.ApplyingUnit).HasMaxLength(100);
        e.Property(c => c.FailureReason).HasMaxLength(300);
        e.Property(c => c.VerifiedById).HasMaxLength(450);
        e.Property(c => c.Stage).IsConcurrencyToken(); // every step moves the stage: two people acting on one case at once cannot both succeed
        // The elements as found, whole (the ID number is not among them: it is the case's own, encrypted).
        e.Property(c => c.Elements).HasConversion(
            x => x == null ? null : System.Text.Json.JsonSerializer.Serialize(x, ElementsJson),
            s => s == null ? null : System.Text.Json.JsonSerializer.Deserialize<NineElements>(s, ElementsJson));
        e.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.VillageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<IssuanceBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Card>().WithMany().HasForeignKey(c => c.CardId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.CampaignId, c.IdNumberHash }).IsUnique(); // one case per person and campaign
        e.HasIndex(c => new { c.CampaignId, c.VillageId, c.Stage, c.TenantId }); // the lists and the progress report
        e.HasIndex(c => c.BatchId);
    }
}

internal sealed class IssuanceBatchConfiguration : IEntityTypeConfiguration<IssuanceBatch>
{
    public void Configure(EntityTypeBuilder<IssuanceBatch> e)
    {
        e.Property(b => b.CreatedById).HasMaxLength(450);
        e.Property(b => b.CreatedByName).HasMaxLength(256);
        e.HasOne<Campaign>().WithMany().HasForeignKey(b => b.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(b => b.TownId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Bank>().WithMany().HasForeignKey(b => b.BankId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(b => new { b.CampaignId, b.Number }).IsUnique();
    }
}

internal sealed class IssuanceAttachmentConfiguration : IEntityTypeConfiguration<IssuanceAttachment>
{
    public void Configure(EntityTypeBuilder<IssuanceAttachment> e)
    {
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.ContentType).HasMaxLength(20);
        e.Property(a => a.UploadedById).HasMaxLength(450);
        e.HasOne<IssuanceCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => a.CaseId);
    }
}

internal sealed class ComparisonImportConfiguration : IEntityTypeConfiguration<ComparisonImport>
{
    public void Configure(EntityTypeBuilder<ComparisonImport> e)
    {
        // The task import's column and its foreign key to the campaign: a job has one campaign, whatever its kind.
        e.Property(i => i.CampaignId).HasColumnName("CampaignId");
    }
}
