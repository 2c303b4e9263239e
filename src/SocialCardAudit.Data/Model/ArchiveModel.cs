using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCardAudit.Domain.Campaigns;

namespace SocialCardAudit.Data.Model;

internal sealed class ArchiveVolumeConfiguration : IEntityTypeConfiguration<Domain.Archive.ArchiveVolume>
{
    public void Configure(EntityTypeBuilder<Domain.Archive.ArchiveVolume> e)
    {
        e.Property(v => v.Category).HasMaxLength(8);
        e.Property(v => v.BusinessLink).HasMaxLength(50);
        e.Property(v => v.Title).HasMaxLength(100);
        e.Property(v => v.Retention).HasConversion<string>().HasMaxLength(16);
        e.Property(v => v.CompiledById).HasMaxLength(450);
        e.Property(v => v.CompiledByName).HasMaxLength(256);
        e.Property(v => v.ManifestSha256).HasMaxLength(64).IsFixedLength();
        e.Ignore(v => v.KeptUntil);
        e.HasOne<Campaign>().WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(v => v.Files).WithOne().HasForeignKey(f => f.VolumeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(v => new { v.CampaignId, v.Year, v.Category, v.BusinessLink, v.Number }).IsUnique();
    }
}

internal sealed class ArchivedFileConfiguration : IEntityTypeConfiguration<Domain.Archive.ArchivedFile>
{
    public void Configure(EntityTypeBuilder<Domain.Archive.ArchivedFile> e)
    {
        e.Property(f => f.Title).HasMaxLength(200);
        e.Property(f => f.FileNumber).HasMaxLength(100);
        e.Property(f => f.FileName).HasMaxLength(200);
        e.Property(f => f.ContentType).HasMaxLength(100);
        e.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        e.HasIndex(f => new { f.VolumeId, f.Sequence }).IsUnique();
    }
}
