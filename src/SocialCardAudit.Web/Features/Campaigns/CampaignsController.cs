using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Campaigns;

public sealed record VillageProgress(int VillageId, string Name, int Rows, int Assigned, int Flagged);

public sealed record VillageChoice(int Id, string Name, int TownId);

public sealed record CampaignDetails(Campaign Campaign, OrgUnit Town, IReadOnlyList<VillageProgress> Villages, IReadOnlyList<ImportJob> Imports, bool CanManage);

/// <summary>Audit campaigns (专项清查): the town office's (and the county's) to create, edit and close.</summary>
[Route("campaigns")]
[Authorize(Policy = Policies.CampaignStaff)]
public sealed class CampaignsController(AppDbContext db, IValidator<CampaignForm> validator) : Controller
{
    private UserScope Scope => AppClaims.ScopeOf(User)!;

    [HttpGet("", Name = "Campaigns.Index")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var campaigns = await Access.Campaigns(db, Scope).OrderByDescending(c => c.StartDate).ToListAsync(ct);
        var towns = await db.OrgUnits.Where(u => u.Level == OrgLevel.Town).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        ViewData["Towns"] = towns;
        return View(campaigns);
    }

    [HttpGet("new", Name = "Campaigns.Create")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Create(CampaignKind? kind, CancellationToken ct) =>
        await FormView(new CampaignForm { TownId = Scope.Role == Roles.TownOffice ? Scope.UnitId : 0, Kind = kind ?? CampaignKind.Audit }, null, ct);

    [HttpPost("new", Name = "Campaigns.Create")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Create(CampaignForm form, [FromServices] SaveCampaign save, CancellationToken ct)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return await FormView(form, null, ct);
        }
        var (result, campaign) = await save.CreateAsync(AppClaims.ActorOf(User), form.TownId, form.ToTerms(), ct);
        return await this.AnswerAsync(result, campaign is null ? "" : Url.RouteUrl("Campaigns.Details", new { id = campaign.Id })!, refusal => Refused(form, result, null, ct));
    }

    [HttpGet("{id:int}", Name = "Campaigns.Details")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        if (await CampaignLookup.FindAsync(db, id, ct) is not var (campaign, owner))
        {
            return NotFound();
        }
        if (!Access.Allows(Scope, campaign, owner, CampaignRight.View))
        {
            return Forbid();
        }
        // A village sees its own line only, a town office its own villages of a county campaign.
        var villageIds = Scope.Level == OrgLevel.Village ? [Scope.UnitId] : campaign.VillagesOf(Scope.Role == Roles.TownOffice ? Scope.UnitId : null);
        var names = await db.OrgUnits.Where(u => villageIds.Contains(u.Id)).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var counts = await db.TaskRows.Where(r => r.CampaignId == id && villageIds.Contains(r.VillageId))
            .GroupBy(r => r.VillageId)
            .Select(g => new { g.Key, Rows = g.Count(), Assigned = g.Count(r => r.VerifierId != null), Flagged = g.Count(r => r.ImportFlags != null) })
            .ToDictionaryAsync(g => g.Key, ct);
        var villages = names.Select(n => counts.TryGetValue(n.Id, out var c)
            ? new VillageProgress(n.Id, n.Name, c.Rows, c.Assigned, c.Flagged)
            : new VillageProgress(n.Id, n.Name, 0, 0, 0)).ToList();
        var canManage = Access.Allows(Scope, campaign, owner, CampaignRight.Manage);
        var imports = canManage
            ? await db.ImportJobs.Where(i => (i is TaskImport && ((TaskImport)i).CampaignId == id) || (i is ComparisonImport && ((ComparisonImport)i).CampaignId == id))
                .OrderByDescending(i => i.Id).Take(20).ToListAsync(ct)
            : [];
        return View(new CampaignDetails(campaign, owner, villages, imports, canManage));
    }

    [HttpGet("{id:int}/edit", Name = "Campaigns.Edit")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var (campaign, denied) = await this.AuthorizeAsync(db, id, CampaignRight.Manage, ct);
        if (campaign is null)
        {
            return denied!;
        }
        return await FormView(CampaignForm.From(campaign), campaign, ct);
    }

    [HttpPost("{id:int}/edit", Name = "Campaigns.Edit")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Edit(int id, CampaignForm form, [FromServices] SaveCampaign save, CancellationToken ct)
    {
        var (campaign, denied) = await this.AuthorizeAsync(db, id, CampaignRight.Manage, ct);
        if (campaign is null)
        {
            return denied!;
        }
        form.TownId = campaign.TownId; // a campaign stays with its town, or with the county
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return await FormView(form, campaign, ct);
        }
        var result = await save.EditAsync(AppClaims.ActorOf(User), id, form.ToTerms(), ct);
        return await this.AnswerAsync(result, Url.RouteUrl("Campaigns.Details", new { id })!, refusal => Refused(form, result, campaign, ct));
    }

    [HttpPost("{id:int}/close", Name = "Campaigns.Close")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Close(int id, [FromServices] CloseCampaign close, CancellationToken ct) =>
        await this.AnswerAsync(await close.HandleAsync(AppClaims.ActorOf(User), id, ct), Url.RouteUrl("Campaigns.Details", new { id })!);

    /// <summary>The form again, with the use case's reason beside the input it is about.</summary>
    private Task<IActionResult> Refused(CampaignForm form, UseCases.Result result, Campaign? campaign, CancellationToken ct)
    {
        ModelState.AddModelError(result.About ?? "", result.Message ?? "");
        return FormView(form, campaign, ct);
    }

    private async Task<IActionResult> FormView(CampaignForm form, Campaign? campaign, CancellationToken ct)
    {
        if (form.Kind == CampaignKind.Issuance)
        {
            // The five phases of the plan, each with its deadline: only the dates are typed.
            var deadlines = CampaignTerms.IssuancePhaseNames
                .Select(n => form.PhaseNames.IndexOf(n) is var i and >= 0 && i < form.PhaseDeadlines.Count ? form.PhaseDeadlines[i] : null).ToList();
            (form.PhaseNames, form.PhaseDeadlines) = ([.. CampaignTerms.IssuancePhaseNames], deadlines);
        }
        while (form.Kind == CampaignKind.Audit && form.PhaseNames.Count < CampaignForm.PhaseRows)
        {
            form.PhaseNames.Add(null);
        }
        while (form.PhaseDeadlines.Count < form.PhaseNames.Count)
        {
            form.PhaseDeadlines.Add(null);
        }
        var scope = Scope;
        var towns = await db.OrgUnits.Where(u => u.Level == OrgLevel.Town).OrderBy(u => u.Code).ToListAsync(ct);
        ViewData["Towns"] = towns.Where(t => Access.Covers(scope, t)).ToList();
        var townIds = ((List<OrgUnit>)ViewData["Towns"]!).Select(t => t.Id).ToList();
        ViewData["Villages"] = await db.OrgUnits
            .Where(u => u.Level == OrgLevel.Village && u.ParentId != null && townIds.Contains(u.ParentId.Value))
            .OrderBy(u => u.Code)
            .Select(u => new VillageChoice(u.Id, u.Name, u.ParentId!.Value))
            .ToListAsync(ct);
        ViewData["Campaign"] = campaign;
        return View("Form", form);
    }
}
