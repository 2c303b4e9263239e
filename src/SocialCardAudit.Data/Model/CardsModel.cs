using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Data.Model;

internal sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> e)
    {
        e.Property(c => c.HolderName).HasMaxLength(Domain.People.PersonName.MaxLength);
        e.Property(c => c.IdNumberHash).HasMaxLength(Protection.PersonalDataProtector.HashSize).IsFixedLength();
        e.Property(c => c.IdNumberMasked).HasMaxLength(18);
        e.Property(c => c.CardNumberHash).HasMaxLength(Protection.PersonalDataProtector.HashSize).IsFixedLength();
        e.Property(c => c.CardNumberMasked).HasMaxLength(25);
        e.Property(c => c.SocialCardNumber).HasMaxLength(Domain.People.SocialCardNumber.Length);
        e.Property(c => c.ImportFlags).HasMaxLength(Card.MaxText);
        e.Property(c => c.CustodianPerson).HasMaxLength(Domain.People.PersonName.MaxLength);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Ignore(c => c.Custody);
        e.HasOne<Bank>().WithMany().HasForeignKey(c => c.BankId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.VillageId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Events).WithOne().HasForeignKey(v => v.CardId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CardHandover>().WithMany().HasForeignKey(c => c.HandoverId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.TenantId, c.CardNumberHash }).IsUnique();
        // One card in use per holder and bank; earlier, cancelled cards stay in the register. [..] quoting works on both providers.
        e.HasIndex(c => new { c.TenantId, c.IdNumberHash, c.BankId }).IsUnique().HasFilter("\"State\" <> 7");
        e.HasIndex(c => new { c.VillageId, c.State });
        e.HasIndex(c => new { c.CustodianKind, c.CustodianPlaceId, c.State });
    }
}

internal sealed class CardEventConfiguration : IEntityTypeConfiguration<CardEvent>
{
    public void Configure(EntityTypeBuilder<CardEvent> e)
    {
        e.Property(v => v.Action).HasMaxLength(32);
        e.Property(v => v.CustodianPerson).HasMaxLength(Domain.People.PersonName.MaxLength);
        e.Property(v => v.ById).HasMaxLength(450);
        e.Property(v => v.Responsible).HasMaxLength(Card.MaxText);
        e.Property(v => v.Place).HasMaxLength(Card.MaxText);
        e.Property(v => v.Note).HasMaxLength(Card.MaxText * 2);
        e.Ignore(v => v.Custody);
        // The sequence is the card's version: a second writer of the same step is refused by the database too.
        e.HasIndex(v => new { v.CardId, v.Sequence }).IsUnique();
        e.HasIndex(v => v.HandoverId);
    }
}

internal sealed class CardHandoverConfiguration : IEntityTypeConfiguration<CardHandover>
{
    public void Configure(EntityTypeBuilder<CardHandover> e)
    {
        e.Property(h => h.SentById).HasMaxLength(450);
        e.Property(h => h.ReceivedById).HasMaxLength(450);
        e.Property(h => h.Sender).HasMaxLength(Card.MaxText);
        e.Property(h => h.Receiver).HasMaxLength(Card.MaxText);
        e.Property(h => h.Note).HasMaxLength(Card.MaxText);
        e.Property(h => h.State).IsConcurrencyToken();
        e.Ignore(h => h.From);
        e.Ignore(h => h.To);
        e.Ignore(h => h.IsOpen);
        e.HasMany(h => h.Lines).WithOne().HasForeignKey(l => l.HandoverId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(h => new { h.FromKind, h.FromPlaceId, h.State });
        e.HasIndex(h => new { h.ToKind, h.ToPlaceId, h.State });
    }
}

internal sealed class CardHandoverLineConfiguration : IEntityTypeConfiguration<CardHandoverLine>
{
    public void Configure(EntityTypeBuilder<CardHandoverLine> e)
    {
        e.Property(l => l.Note).HasMaxLength(Card.MaxText);
        e.HasOne<Card>().WithMany().HasForeignKey(l => l.CardId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(l => new { l.HandoverId, l.CardId }).IsUnique();
        e.HasIndex(l => l.CardId);
    }
}

internal sealed class CustodyAuthorisationConfiguration : IEntityTypeConfiguration<CustodyAuthorisation>
{
    public void Configure(EntityTypeBuilder<CustodyAuthorisation> e)
    {
        e.Property(a => a.CustodianName).HasMaxLength(Card.MaxText);
        e.Property(a => a.Reason).HasMaxLength(Card.MaxText);
        e.Property(a => a.RefusalReason).HasMaxLength(Card.MaxText);
        e.Property(a => a.RequestedById).HasMaxLength(450);
        e.Property(a => a.DecidedById).HasMaxLength(450);
        e.HasOne<Card>().WithMany().HasForeignKey(a => a.CardId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(a => a.CardId);
    }
}

internal sealed class LostCardReportConfiguration : IEntityTypeConfiguration<LostCardReport>
{
    public void Configure(EntityTypeBuilder<LostCardReport> e)
    {
        e.Property(r => r.LastCustodian).HasMaxLength(Card.MaxText);
        e.Property(r => r.Circumstances).HasMaxLength(Card.MaxText);
        e.Property(r => r.SignedById).HasMaxLength(450);
        e.Property(r => r.AcknowledgedById).HasMaxLength(450);
        e.HasOne<Card>().WithMany().HasForeignKey(r => r.CardId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => r.VillageId);
        e.HasIndex(r => r.CardId);
    }
}

internal sealed class CardImportConfiguration : IEntityTypeConfiguration<CardImport>
{
    public void Configure(EntityTypeBuilder<CardImport> e)
    {
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.TownId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(i => new { i.TenantId, i.TownId });
    }
}

internal sealed class SecondIssueAttemptConfiguration : IEntityTypeConfiguration<SecondIssueAttempt>
{
    public void Configure(EntityTypeBuilder<SecondIssueAttempt> e)
    {
        e.Property(a => a.FailureReason).HasMaxLength(Card.MaxText);
        e.Property(a => a.ById).HasMaxLength(450);
        e.HasOne<Card>().WithMany().HasForeignKey(a => a.CardId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(a => a.CardId);
    }
}
