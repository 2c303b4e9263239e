using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Data;

/// <summary>
/// The one DbContext, and the unit of work. Every <see cref="ITenantOwned"/> entity is filtered by the
/// current tenant; writes to another tenant's rows are refused when saving.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ITenantContext tenant)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The keys of the sign-in cookie and the antiforgery tokens, shared by every node of the app, so a cookie
    /// issued by one is read by another (unless <c>DataProtection:KeysPath</c> names a folder instead).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Read by the query filters for each query, so one model serves every tenant.</summary>
    public int? CurrentTenantId => tenant.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    /// <summary>The county's clock (<see cref="CountyClock"/>) for work done outside a request: imports, jobs, the CLI.</summary>
    public async Task<CountyClock> CountyClockAsync(int tenantId, TimeProvider time, CancellationToken ct = default) =>
        CountyClock.For(time, await Tenants.Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleAsync(ct));
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Bank> Banks => Set<Bank>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();
    public DbSet<PasswordHistory> PasswordHistory => Set<PasswordHistory>();
    public DbSet<VillageAlias> VillageAliases => Set<VillageAlias>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<TaskImport> TaskImports => Set<TaskImport>();
    public DbSet<TaskRow> TaskRows => Set<TaskRow>();
    public DbSet<TaskAssignment> TaskAssignments => Set<TaskAssignment>();
    public DbSet<VerificationRecord> VerificationRecords => Set<VerificationRecord>();
    public DbSet<VerificationVersion> VerificationVersions => Set<VerificationVersion>();
    public DbSet<ProcessedRequest> ProcessedRequests => Set<ProcessedRequest>();
    public DbSet<SuspiciousIssue> SuspiciousIssues => Set<SuspiciousIssue>();
    public DbSet<FraudCase> FraudCases => Set<FraudCase>();
    public DbSet<FindingAttachment> FindingAttachments => Set<FindingAttachment>();
    public DbSet<VillageSubmission> VillageSubmissions => Set<VillageSubmission>();
    public DbSet<ReturnedRow> ReturnedRows => Set<ReturnedRow>();
    public DbSet<TownSignature> TownSignatures => Set<TownSignature>();
    public DbSet<Card> Cards => Set<Card>();
    public DbSet<CardEvent> CardEvents => Set<CardEvent>();
    public DbSet<CardHandover> CardHandovers => Set<CardHandover>();
    public DbSet<CardHandoverLine> CardHandoverLines => Set<CardHandoverLine>();
    public DbSet<CustodyAuthorisation> CustodyAuthorisations => Set<CustodyAuthorisation>();
    public DbSet<LostCardReport> LostCardReports => Set<LostCardReport>();
    public DbSet<SecondIssueAttempt> SecondIssueAttempts => Set<SecondIssueAttempt>();
    public DbSet<CardImport> CardImports => Set<CardImport>();
    public DbSet<ImportFileChunk> ImportFileChunks => Set<ImportFileChunk>();
    public DbSet<WeeklySnapshot> WeeklySnapshots => Set<WeeklySnapshot>();
    public DbSet<IssuanceCase> IssuanceCases => Set<IssuanceCase>();
    public DbSet<IssuanceBatch> IssuanceBatches => Set<IssuanceBatch>();
    public DbSet<IssuanceAttachment> IssuanceAttachments => Set<IssuanceAttachment>();
    public DbSet<ComparisonImport> ComparisonImports => Set<ComparisonImport>();
    public DbSet<Domain.Archive.ArchiveVolume> ArchiveVolumes => Set<Domain.Archive.ArchiveVolume>();
    public DbSet<Domain.Archive.ArchivedFile> ArchivedFiles => Set<Domain.Archive.ArchivedFile>();

    /// <summary>
    /// Every DateTime of the product is an instant in UTC (the names say so: …AtUtc), except the time of a visit,
    /// which is the county's wall clock. PostgreSQL keeps instants as timestamptz, which takes UTC values only:
    /// a value read back from elsewhere or made without a kind is UTC by the same rule.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        if (Database.IsNpgsql())
        {
            builder.Properties<DateTime>().HaveConversion<UtcInstant>();
        }
    }

    private sealed class UtcInstant() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class WallClock() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified),
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each table's columns, keys and indexes: Data/Model, one configuration per entity, by domain area.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // The visit's time is what the verifier's watch said in the county, not an instant.
            builder.Entity<VerificationRecord>().Property(v => v.VisitedAt).HasColumnType("timestamp without time zone").HasConversion<WallClock>();
        }
        // Security events of a county; sign-in attempts on no account (tenant null) are seen by no county.
        builder.Entity<SecurityEvent>().HasQueryFilter(s => s.TenantId == CurrentTenantId);

        // On the root of each table only: task lists and card registers share one table and its filter.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
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
        // The audit record is append-only: nothing in the product may change or delete a security event.
        if (ChangeTracker.Entries<SecurityEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Security events are never changed or deleted.");
        }
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
