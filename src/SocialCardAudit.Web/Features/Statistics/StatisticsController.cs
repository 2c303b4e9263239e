using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.UseCases;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.UseCases.SignOff;
using SocialCardAudit.UseCases.Statistics;
using SocialCardAudit.Web.Features.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Statistics;

public sealed record SummaryPage(Campaign Campaign, OrgUnit Village, IReadOnlyList<(Domain.Verification.Outcome Outcome, IReadOnlyList<SummaryPerson> People)> Categories);

/// <summary>One town's part of a campaign (<paramref name="Town"/> null: the whole of a county campaign, as the county sees it).</summary>
public sealed record StatisticsPage(Campaign Campaign, OrgUnit? Town, string Title, IReadOnlyList<StatisticsLine> Villages, VillageStatistics? Total,
    TownSignature? Signature, string? SignedBy, IReadOnlyList<(int Id, string Name)> Towns);

/// <summary>One town's part of a campaign in the county overview: its total, how many villages the town has signed off, its own signature.</summary>
public sealed record TownLine(int CampaignId, int TownId, string Town, string Campaign, bool Closed, int Villages, int Approved, VillageStatistics Statistics, bool TownSigned);

public sealed record OverviewPage(IReadOnlyList<TownLine> Towns, VillageStatistics Total);

/// <summary>The classified statistics (附件4) of a campaign: one line per village and the town total, computed from the findings.</summary>
[Authorize(Policy = Policies.CampaignStaff)]
public sealed class StatisticsController(AppDbContext db, PersonalDataProtector protector, SecurityEvents events, CountyClock clock, IConfiguration config) : Controller
{
    private const string Format = "{format:regex(^(xlsx|pdf)$)}";

    /// <summary>The town signs its total (its part of a county campaign), with its password, once every village of it is 镇已审核.</summary>
    [HttpPost("campaigns/{id:int}/statistics/sign", Name = "Statistics.Sign")]
    [Authorize(Roles = Roles.TownOffice)]
    public async Task<IActionResult> Sign(int id, string? password, [FromServices] SignTownTotal sign, CancellationToken ct)
    {
        var result = await sign.HandleAsync(AppClaims.ActorOf(User), id, this.DigestAlgorithm(), () => this.RefusalAsync(password), ct);
        return await this.AnswerAsync(result, Url.RouteUrl("Statistics.Index", new { id })!, onDone: () => events.RecordAsync(Data.Security.SecurityEventKind.SignedOff, User, "签署全镇汇总"));
    }

    /// <summary>The classified summary (附件3) of a village: the persons of each of the four categories, numbers masked.</summary>
    [HttpGet("campaigns/{id:int}/villages/{villageId:int}/summary", Name = "Statistics.Summary")]
    public async Task<IActionResult> Summary(int id, int villageId, CancellationToken ct)
    {
        var (found, denied) = await this.AuthorizeVillageAsync(db, id, villageId, ct, excludedRole: Roles.Verifier); // 附件3 and 附件4 are for county, town and clerk
        if (found is not var (campaign, village))
        {
            return denied!;
        }
        return View("Summary", new SummaryPage(campaign, village, await CategoriesAsync(id, villageId, full: false, ct)));
    }

    /// <summary>
    /// 附件3 as a file. The town and the village clerk, who work with the persons, get the full numbers; the county
    /// supervises with masked ones. Every export is logged, saying which.
    /// </summary>
    [HttpGet("campaigns/{id:int}/villages/{villageId:int}/summary." + Format, Name = "Statistics.SummaryDocument")]
    public async Task<IActionResult> SummaryDocument(int id, int villageId, string format, CancellationToken ct)
    {
        var (found, denied) = await this.AuthorizeVillageAsync(db, id, villageId, ct, excludedRole: Roles.Verifier);
        if (found is not var (campaign, village))
        {
            return denied!;
        }
        var full = AppClaims.ScopeOf(User)!.Role is Roles.TownOffice or Roles.VillageClerk;
        var town = await TownNameAsync(village, ct);
        var form = new SummaryForm(town, village.Name, await CategoriesAsync(id, villageId, full, ct), full, clock.UtcNow);
        await events.RecordAsync(SecurityEventKind.PersonalDataExported, User,
            $"{village.Name}核查情况分类汇总表({format},{(full ? "完整号码" : "号码部分显示")})");
        Response.Headers.CacheControl = "no-store";
        return this.Document(format, () => StatisticsDocuments.SummaryXlsx(form, clock), () => StatisticsDocuments.SummaryPdf(form, clock), $"{village.Name}-核查情况分类汇总表");
    }

    /// <summary>附件4 of one village as a file: the counts as they are now, the signatures in force and their digest.</summary>
    [HttpGet("campaigns/{id:int}/villages/{villageId:int}/statistics." + Format, Name = "Statistics.VillageDocument")]
    public async Task<IActionResult> VillageDocument(int id, int villageId, string format, CancellationToken ct)
    {
        var (found, denied) = await this.AuthorizeVillageAsync(db, id, villageId, ct, excludedRole: Roles.Verifier);
        if (found is not var (campaign, village))
        {
            return denied!;
        }
        var form = await VillageForms.BuildAsync(db, id, village, Absolute(Url.RouteUrl("SignOff.Verify", new { id, villageId })!), clock.UtcNow, ct);
        return this.Document(format, () => StatisticsDocuments.VillageXlsx(form, clock), () => StatisticsDocuments.VillagePdf(form, clock), $"{village.Name}-核查情况分类统计表");
    }

    /// <summary>The town's table of 附件4 as a file, for the town and the county (which may ask for one town of a county campaign).</summary>
    [HttpGet("campaigns/{id:int}/statistics." + Format, Name = "Statistics.TownDocument")]
    public async Task<IActionResult> TownDocument(int id, string format, int? town, CancellationToken ct)
    {
        var (part, denied) = await PartAsync(id, town, ct);
        if (part is null || AppClaims.ScopeOf(User)!.Level == OrgLevel.Village)
        {
            return denied ?? Forbid();
        }
        var form = new TownForm(part.Title, part.Campaign.Name, part.Villages, part.Total!,
            part.Signature is null ? null : new Signer("审核人", part.SignedBy ?? "", part.Signature.SignedAtUtc), part.Signature?.Digest,
            Absolute(Url.RouteUrl("Statistics.Index", new { id })! + (part.Town is null ? "" : $"?town={part.Town.Id}")), clock.UtcNow);
        return this.Document(format, () => StatisticsDocuments.TownXlsx(form, clock), () => StatisticsDocuments.TownPdf(form, clock), $"{part.Title}-核查情况分类统计表");
    }

    /// <summary>
    /// Links printed on paper (the QR code) point at the configured public address, never at what the request's Host
    /// header claims; without the setting (a local trial) the request's own address is used.
    /// </summary>
    private string Absolute(string path) =>
        (config["App:PublicUrl"] is { Length: > 0 } site ? site.TrimEnd('/') : $"{Request.Scheme}://{Request.Host}{Request.PathBase}") + path;

    private async Task<IReadOnlyList<(Domain.Verification.Outcome, IReadOnlyList<SummaryPerson>)>> CategoriesAsync(int id, int villageId, bool full, CancellationToken ct)
    {
        var people = await (from v in db.VerificationRecords
                            where v.CampaignId == id && v.VillageId == villageId
                            join r in db.TaskRows on v.TaskRowId equals r.Id
                            orderby r.SourceNumber, r.Id
                            select new
                            {
                                v.Outcome, r.Name, r.IdNumberMasked, r.BankCardMasked, r.Address, v.Phone,
                                IdCipher = full ? r.IdNumberCipher : null, CardCipher = full ? r.BankCardCipher : null,
                            })
            .ToListAsync(ct);
        return Enum.GetValues<Domain.Verification.Outcome>()
            .Select(o => (o, (IReadOnlyList<SummaryPerson>)people.Where(p => p.Outcome == o)
                .Select((p, i) => new SummaryPerson(i + 1, p.Name,
                    p.IdCipher is null ? p.IdNumberMasked : protector.Unprotect(p.IdCipher, Purposes.IdNumber),
                    p.CardCipher is null ? p.BankCardMasked : protector.Unprotect(p.CardCipher, Purposes.BankCard),
                    p.Address, p.Phone)).ToList()))
            .ToList();
    }

    /// <param name="withTown">Village names with their town's in front: a county's villages repeat names from town to town.</param>
    private async Task<List<StatisticsLine>> LinesAsync(Campaign campaign, List<int> villageIds, CancellationToken ct, bool withTown = false)
    {
        var names = await db.OrgUnits.Where(u => villageIds.Contains(u.Id)).OrderBy(u => u.Code)
            .Select(u => new { u.Id, Name = withTown ? u.Parent!.Name + " " + u.Name : u.Name }).ToListAsync(ct);
        var states = await db.VillageSubmissions.Where(v => v.CampaignId == campaign.Id && villageIds.Contains(v.VillageId))
            .ToDictionaryAsync(v => v.VillageId, v => v.State, ct);
        var counts = await StatisticsQueries.VillageTotalsAsync(db, [campaign.Id], ct, villageIds);
        return names.Select(n => new StatisticsLine(n.Id, n.Name, counts.GetValueOrDefault((campaign.Id, n.Id)) ?? VillageStatistics.Empty,
            states.GetValueOrDefault(n.Id, SubmissionState.InProgress))).ToList();
    }

    private async Task<string> TownNameAsync(OrgUnit village, CancellationToken ct) =>
        await db.OrgUnits.Where(u => u.Id == village.ParentId).Select(u => u.Name).SingleAsync(ct);

    /// <summary>
    /// The part of the campaign the user may see and asked for (<see cref="CampaignAccess.PartAsync"/>): a village
    /// its own line, a town its villages, the county one town or all; with the town's signature of that part.
    /// </summary>
    private async Task<(StatisticsPage? Page, IActionResult? Denied)> PartAsync(int id, int? town, CancellationToken ct)
    {
        if (await CampaignLookup.FindAsync(db, id, ct) is not var (campaign, owner))
        {
            return (null, NotFound());
        }
        var scope = AppClaims.ScopeOf(User)!;
        if (!Access.Allows(scope, campaign, owner, CampaignRight.View))
        {
            return (null, Forbid());
        }
        var (partTown, villageIds) = await CampaignAccess.PartAsync(db, scope, campaign, town, ct);
        if (villageIds is null)
        {
            return (null, NotFound());
        }
        var title = partTown?.Name ?? $"{owner.Name}(全县)";
        if (scope.Level == OrgLevel.Village)
        {
            return (new StatisticsPage(campaign, partTown, title, await LinesAsync(campaign, [scope.UnitId], ct), null, null, null, []), null);
        }
        var lines = await LinesAsync(campaign, villageIds, ct, withTown: partTown is null && campaign.IsCountyWide);
        var signature = partTown is null ? null
            : await db.TownSignatures.Where(t => t.CampaignId == id && t.TownId == partTown.Id).OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct);
        var signedBy = signature is null ? null : await db.Users.Where(u => u.Id == signature.SignedById).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        var townIds = campaign.TownIds;
        var towns = await db.OrgUnits.Where(u => townIds.Contains(u.Id)).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return (new StatisticsPage(campaign, partTown, title, lines, VillageStatistics.Sum(lines.Select(l => l.Statistics)), signature, signedBy,
            [.. towns.Select(t => (t.Id, t.Name))]), null);
    }

    /// <summary>The county's table of 附件4, one line per town's part of each campaign; a town office sees its own lines.</summary>
    [HttpGet("statistics", Name = "Statistics.Overview")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Overview(CancellationToken ct)
    {
        var scope = AppClaims.ScopeOf(User)!;
        var campaigns = await Access.Campaigns(db, scope).Where(c => c.Kind == Domain.Campaigns.CampaignKind.Audit).Include(c => c.Villages).OrderByDescending(c => c.Id).ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        var villages = await StatisticsQueries.VillageTotalsAsync(db, ids, ct);
        var approved = (await db.VillageSubmissions.Where(v => ids.Contains(v.CampaignId) && v.State == SubmissionState.Approved)
            .Select(v => new { v.CampaignId, v.VillageId }).ToListAsync(ct)).Select(v => (v.CampaignId, v.VillageId)).ToHashSet();
        var signed = (await db.TownSignatures.Where(t => ids.Contains(t.CampaignId)).Select(t => new { t.CampaignId, t.TownId }).Distinct().ToListAsync(ct))
            .Select(t => (t.CampaignId, t.TownId)).ToHashSet();
        var towns = await db.OrgUnits.Where(u => u.Level == OrgLevel.Town).ToDictionaryAsync(u => u.Id, ct);
        var lines = campaigns
            .SelectMany(c => c.Villages.GroupBy(v => v.TownId)
                .Where(g => scope.Role != Roles.TownOffice || g.Key == scope.UnitId)
                .Select(g => new TownLine(c.Id, g.Key, towns[g.Key].Name, c.Name, c.IsClosed, g.Count(),
                    g.Count(v => approved.Contains((c.Id, v.VillageId))),
                    VillageStatistics.Sum(g.Select(v => villages.GetValueOrDefault((c.Id, v.VillageId)) ?? VillageStatistics.Empty)),
                    signed.Contains((c.Id, g.Key)))))
            .OrderBy(l => towns[l.TownId].Code, StringComparer.Ordinal).ThenByDescending(l => l.CampaignId)
            .ToList();
        return View("Overview", new OverviewPage(lines, VillageStatistics.Sum(lines.Select(l => l.Statistics))));
    }

    /// <summary>The statistics of the user's part; the county may narrow a county campaign to one town.</summary>
    [HttpGet("campaigns/{id:int}/statistics", Name = "Statistics.Index")]
    public async Task<IActionResult> Index(int id, int? town, CancellationToken ct)
    {
        var (page, denied) = await PartAsync(id, town, ct);
        return page is null ? denied! : View(page);
    }
}
