using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Data;

/// <summary>
/// The one DbContext, and the unit of work. Every <see cref="ITenantOwned"/> entity is filtered by the
/// current tenant; writes to another tenant's rows are refused when saving.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ITenantContext tenant)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    /// <summary>Read by the query filters for each query, so one model serves every tenant.</summary>
    public int? CurrentTenantId => tenant.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Bank> Banks => Set<Bank>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Tenant>(e =>
        {
            e.Property(t => t.Code).HasMaxLength(32);
            e.Property(t => t.Name).HasMaxLength(OrgUnit.MaxNameLength);
            e.HasIndex(t => t.Code).IsUnique();
        });

        builder.Entity<OrgUnit>(e =>
        {
            e.Property(u => u.Code).HasMaxLength(32);
            e.Property(u => u.Name).HasMaxLength(OrgUnit.MaxNameLength);
            e.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(u => new { u.TenantId, u.Code }).IsUnique();
            e.HasIndex(u => new { u.ParentId, u.Name }).IsUnique();
        });

        builder.Entity<Bank>(e =>
        {
            e.Property(b => b.Name).HasMaxLength(OrgUnit.MaxNameLength);
            e.HasOne<Tenant>().WithMany().HasForeignKey(b => b.TenantId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(b => new { b.TenantId, b.Name }).IsUnique();
        });

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(50);
            e.Property(u => u.PhoneNumber).HasMaxLength(20);
            e.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(u => u.OrgUnit).WithMany().HasForeignKey(u => u.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(u => new { u.TenantId, u.OrgUnitId });
        });

        builder.Entity<SecurityEvent>(e =>
        {
            e.Property(s => s.UserName).HasMaxLength(256);
            e.Property(s => s.UserId).HasMaxLength(450);
            e.Property(s => s.RemoteIp).HasMaxLength(64);
            e.Property(s => s.Path).HasMaxLength(512);
            e.Property(s => s.Detail).HasMaxLength(512);
            e.HasIndex(s => new { s.TenantId, s.AtUtc });
            e.HasQueryFilter(s => s.TenantId == CurrentTenantId);
        });

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            var e = Expression.Parameter(type.ClrType, "e");
            var body = Expression.Equal(
                Expression.Convert(Expression.Property(e, nameof(ITenantOwned.TenantId)), typeof(int?)),
                Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
            type.SetQueryFilter(Expression.Lambda(body, e));
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampAndGuardTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampAndGuardTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void StampAndGuardTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.TenantId == 0)
            {
                entry.Entity.TenantId = CurrentTenantId
                    ?? throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} was added with no tenant.");
            }
            if (CurrentTenantId is { } current && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.TenantId != current)
            {
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} of another tenant cannot be written.");
            }
        }
    }
}
