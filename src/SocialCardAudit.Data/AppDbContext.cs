using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
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
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
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
    public DbSet<WeeklySnapshot> WeeklySnapshots => Set<WeeklySnapshot>();

    private static readonly System.Text.Json.JsonSerializerOptions FindingJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All), // Chinese stays readable
    };

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Tenant>(e =>
        {
            e.Property(t => t.Code).HasMaxLength(32);
            e.Property(t => t.Name).HasMaxLength(OrgUnit.MaxNameLength);
            e.Property(t => t.TimeZone).HasMaxLength(64).HasDefaultValue(CountyClock.DefaultZoneId);
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

        builder.Entity<VillageAlias>(e =>
        {
            e.Property(a => a.Alias).HasMaxLength(OrgUnit.MaxNameLength);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.VillageId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.TenantId, a.Alias }).IsUnique();
        });

        builder.Entity<Campaign>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(32);
            e.Property(c => c.Name).HasMaxLength(CampaignTerms.MaxText);
            e.Property(c => c.DocumentNumber).HasMaxLength(CampaignTerms.MaxText);
            e.Ignore(c => c.IsClosed);
            e.Ignore(c => c.IsCountyWide);
            e.Ignore(c => c.TownIds);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.TenantId, c.Code }).IsUnique();
            e.HasMany(c => c.Villages).WithOne().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CampaignVillage>(e =>
        {
            e.HasKey(v => new { v.CampaignId, v.VillageId });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(v => v.VillageId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(v => v.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(v => new { v.TownId, v.CampaignId }); // the campaigns a town office sees
        });
        builder.Entity<CampaignPhase>(e => e.Property(p => p.Name).HasMaxLength(50));

        builder.Entity<TaskImport>(e =>
        {
            e.Property(i => i.FileName).HasMaxLength(255);
            e.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
            e.Property(i => i.UserId).HasMaxLength(450);
            e.Property(i => i.UserName).HasMaxLength(256);
            e.Property(i => i.Message).HasMaxLength(1000);
            e.Ignore(i => i.IsFinished);
            e.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(i => new { i.TenantId, i.CampaignId });
        });

        builder.Entity<TaskRow>(e =>
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
        });

        builder.Entity<TaskAssignment>(e =>
        {
            e.Property(a => a.FromVerifierId).HasMaxLength(450);
            e.Property(a => a.ToVerifierId).HasMaxLength(450);
            e.Property(a => a.ByUserId).HasMaxLength(450);
            e.HasOne<TaskRow>().WithMany().HasForeignKey(a => a.TaskRowId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => a.TaskRowId);
        });

        builder.Entity<VerificationRecord>(e =>
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
        });

        builder.Entity<VerificationVersion>(e =>
        {
            // The finding as it was, whole: later schema changes never rewrite history.
            e.Property(v => v.Finding).HasConversion(
                f => System.Text.Json.JsonSerializer.Serialize(f, FindingJson),
                s => System.Text.Json.JsonSerializer.Deserialize<Finding>(s, FindingJson)!);
            e.Property(v => v.Changes).HasMaxLength(2000);
            e.Property(v => v.ChangedById).HasMaxLength(450);
            e.HasOne<TaskRow>().WithMany().HasForeignKey(v => v.TaskRowId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.TaskRowId, v.Version }).IsUnique();
        });

        builder.Entity<ProcessedRequest>(e =>
        {
            e.Property(p => p.UserId).HasMaxLength(450);
            e.Property(p => p.Id).ValueGeneratedNever();
        });

        builder.Entity<SuspiciousIssue>(e =>
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
        });
        builder.Entity<IssueComment>(e =>
        {
            e.Property(c => c.Text).HasMaxLength(SuspiciousIssue.MaxText);
            e.Property(c => c.ById).HasMaxLength(450);
        });

        builder.Entity<FraudCase>(e =>
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
        });
        builder.Entity<FraudRecovery>(e =>
        {
            e.Property(r => r.Amount).HasPrecision(12, 2);
            e.Property(r => r.ById).HasMaxLength(450);
        });

        builder.Entity<FindingAttachment>(e =>
        {
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.ContentType).HasMaxLength(20);
            e.Property(a => a.UploadedById).HasMaxLength(450);
            e.HasOne<TaskRow>().WithMany().HasForeignKey(a => a.TaskRowId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => a.TaskRowId);
        });

        builder.Entity<VillageSubmission>(e =>
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
        });
        builder.Entity<TownSignature>(e =>
        {
            e.Property(t => t.SignedById).HasMaxLength(450);
            e.Property(t => t.Digest).HasMaxLength(68); // "sm3:" and 64 hex digits
            e.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.CampaignId, t.TownId });
        });
        builder.Entity<SubmissionStep>(e =>
        {
            e.Property(s => s.ById).HasMaxLength(450);
            e.Property(s => s.Reason).HasMaxLength(500);
            e.Property(s => s.Digest).HasMaxLength(68);
            e.HasMany(s => s.Rows).WithOne().HasForeignKey(r => r.StepId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ReturnedRow>(e =>
        {
            e.Property(r => r.Reason).HasMaxLength(200);
            e.HasOne<TaskRow>().WithMany().HasForeignKey(r => r.TaskRowId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.TaskRowId);
        });

        builder.Entity<EndedSession>(e =>
        {
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.UserId).HasMaxLength(450);
            e.HasIndex(s => s.EndedAtUtc);
        });
        builder.Entity<PasswordHistory>(e =>
        {
            e.Property(h => h.UserId).HasMaxLength(450);
            e.HasIndex(h => h.UserId);
        });

        builder.Entity<SecurityEvent>(e =>
        {
            e.Property(s => s.UserName).HasMaxLength(256);
            e.Property(s => s.UserId).HasMaxLength(450);
            e.Property(s => s.RemoteIp).HasMaxLength(64);
            e.Property(s => s.Path).HasMaxLength(512);
            e.Property(s => s.Detail).HasMaxLength(512);
            e.HasIndex(s => new { s.TenantId, s.AtUtc });
            e.HasIndex(s => new { s.Chain, s.Sequence }).IsUnique().HasFilter("[Sequence] > 0");
            e.Property(s => s.PreviousHash).HasMaxLength(68);
            e.Property(s => s.Hash).HasMaxLength(68);
            e.HasQueryFilter(s => s.TenantId == CurrentTenantId);
        });

        builder.Entity<Card>(e =>
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
            e.HasIndex(c => new { c.TenantId, c.IdNumberHash, c.BankId }).IsUnique().HasFilter("[State] <> 7");
            e.HasIndex(c => new { c.VillageId, c.State });
            e.HasIndex(c => new { c.CustodianKind, c.CustodianPlaceId, c.State });
        });
        builder.Entity<CardEvent>(e =>
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
        });
        builder.Entity<CardHandover>(e =>
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
        });
        builder.Entity<CardHandoverLine>(e =>
        {
            e.Property(l => l.Note).HasMaxLength(Card.MaxText);
            e.HasOne<Card>().WithMany().HasForeignKey(l => l.CardId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.HandoverId, l.CardId }).IsUnique();
            e.HasIndex(l => l.CardId);
        });
        builder.Entity<CustodyAuthorisation>(e =>
        {
            e.Property(a => a.CustodianName).HasMaxLength(Card.MaxText);
            e.Property(a => a.Reason).HasMaxLength(Card.MaxText);
            e.Property(a => a.RefusalReason).HasMaxLength(Card.MaxText);
            e.Property(a => a.RequestedById).HasMaxLength(450);
            e.Property(a => a.DecidedById).HasMaxLength(450);
            e.HasOne<Card>().WithMany().HasForeignKey(a => a.CardId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.CardId);
        });
        builder.Entity<LostCardReport>(e =>
        {
            e.Property(r => r.LastCustodian).HasMaxLength(Card.MaxText);
            e.Property(r => r.Circumstances).HasMaxLength(Card.MaxText);
            e.Property(r => r.SignedById).HasMaxLength(450);
            e.Property(r => r.AcknowledgedById).HasMaxLength(450);
            e.HasOne<Card>().WithMany().HasForeignKey(r => r.CardId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.VillageId);
            e.HasIndex(r => r.CardId);
        });
        builder.Entity<WeeklySnapshot>(e =>
        {
            e.Property(w => w.TakenById).HasMaxLength(450);
            e.Ignore(w => w.ReportWeek);
            e.HasOne<Campaign>().WithMany().HasForeignKey(w => w.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.Lines).WithOne().HasForeignKey(l => l.SnapshotId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(w => new { w.CampaignId, w.Year, w.Week }).IsUnique(); // frozen once: the button and the job cannot both write a week
        });
        builder.Entity<SnapshotLine>(e =>
        {
            e.Property(l => l.Recovered).HasPrecision(14, 2);
            e.Ignore(l => l.Progress);
        });
        builder.Entity<CardImport>(e =>
        {
            e.Property(i => i.FileName).HasMaxLength(260);
            e.Property(i => i.Sha256).HasMaxLength(64);
            e.Property(i => i.UserId).HasMaxLength(450);
            e.Property(i => i.Message).HasMaxLength(500);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.TownId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<SecondIssueAttempt>(e =>
        {
            e.Property(a => a.FailureReason).HasMaxLength(Card.MaxText);
            e.Property(a => a.ById).HasMaxLength(450);
            e.HasOne<Card>().WithMany().HasForeignKey(a => a.CardId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.CardId);
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
