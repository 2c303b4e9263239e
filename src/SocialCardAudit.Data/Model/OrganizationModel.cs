using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Data.Model;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> e)
    {
        e.Property(t => t.Code).HasMaxLength(32);
        e.Property(t => t.Name).HasMaxLength(OrgUnit.MaxNameLength);
        e.Property(t => t.TimeZone).HasMaxLength(64).HasDefaultValue(CountyClock.DefaultZoneId);
        e.HasIndex(t => t.Code).IsUnique();
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> e)
    {
        e.Property(u => u.Code).HasMaxLength(32);
        e.Property(u => u.Name).HasMaxLength(OrgUnit.MaxNameLength);
        e.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(u => new { u.TenantId, u.Code }).IsUnique();
        e.HasIndex(u => new { u.ParentId, u.Name }).IsUnique();
    }
}

internal sealed class BankConfiguration : IEntityTypeConfiguration<Bank>
{
    public void Configure(EntityTypeBuilder<Bank> e)
    {
        e.Property(b => b.Name).HasMaxLength(OrgUnit.MaxNameLength);
        e.HasOne<Tenant>().WithMany().HasForeignKey(b => b.TenantId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(b => new { b.TenantId, b.Name }).IsUnique();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.FullName).HasMaxLength(50);
        e.Property(u => u.PhoneNumber).HasMaxLength(20);
        e.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(u => u.OrgUnit).WithMany().HasForeignKey(u => u.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(u => new { u.TenantId, u.OrgUnitId });
    }
}

internal sealed class VillageAliasConfiguration : IEntityTypeConfiguration<VillageAlias>
{
    public void Configure(EntityTypeBuilder<VillageAlias> e)
    {
        e.Property(a => a.Alias).HasMaxLength(OrgUnit.MaxNameLength);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.VillageId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => new { a.TenantId, a.Alias }).IsUnique();
    }
}
