using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Reports;

namespace SocialCardAudit.Data.Model;

internal sealed class WeeklySnapshotConfiguration : IEntityTypeConfiguration<WeeklySnapshot>
{
    public void Configure(EntityTypeBuilder<WeeklySnapshot> e)
    {
        e.Property(w => w.TakenById).HasMaxLength(450);
        e.Ignore(w => w.ReportWeek);
        e.HasOne<Campaign>().WithMany().HasForeignKey(w => w.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(w => w.Lines).WithOne().HasForeignKey(l => l.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(w => new { w.CampaignId, w.Year, w.Week }).IsUnique(); // frozen once: the button and the job cannot both write a week
    }
}

internal sealed class SnapshotLineConfiguration : IEntityTypeConfiguration<SnapshotLine>
{
    public void Configure(EntityTypeBuilder<SnapshotLine> e)
    {
        e.Property(l => l.Recovered).HasPrecision(14, 2);
        e.Ignore(l => l.Progress);
    }
}
