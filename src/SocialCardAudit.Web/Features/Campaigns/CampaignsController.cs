using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Campaigns;

public sealed record VillageProgress(int VillageId, string Name, int Rows, int Assigned, int Flagged);

public sealed record VillageChoice(int Id, string Name, int TownId);

public sealed record CampaignDetails(Campaign Campaign, OrgUnit Town, IReadOnlyList<VillageProgress> Villages, IReadOnlyList<TaskImport> Imports, bool CanManage);

/// <summary>Audit campaigns (专项清查): the town office's (and the county's) to create, edit and close.</summary>
[Route("campaigns")]
[Authorize(Policy = Policies.CampaignStaff)]
public sealed class CampaignsController(AppDbContext db, IValidator<CampaignForm> validator) : Controller
{
    private UserScope Scope => AppClaims.ScopeOf(User)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var campaigns = await Access.Campaigns(db, Scope).OrderByDescending(c => c.StartDate).ToListAsync(ct);
        var towns = await db.OrgUnits.Where(u => u.Level == OrgLevel.Town).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        ViewData["Towns"] = towns;
        return View(campaigns);
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        await FormView(new CampaignForm { TownId = Scope.Role == Roles.TownOffice ? Scope.UnitId : 0 }, null, ct);

    [HttpPost("new")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Create(CampaignForm form, CancellationToken ct)
    {
        if (Scope.Role == Roles.TownOffice)
        {
            form.TownId = Scope.UnitId; // a town office creates campaigns for its own town only
        }
        // No town: a county campaign (全县), over villages of any town.
        var owner = await db.OrgUnits.SingleOrDefaultAsync(u => form.TownId == null ? u.Level == OrgLevel.County : u.Id == form.TownId && u.Level == OrgLevel.Town, ct);
        if (owner is null || !Access.Covers(Scope, owner))
        {
            ModelState.AddModelError(nameof(form.TownId), "请选择本县的乡镇(街道),或“全县(跨乡镇)”。");
        }
        if (!await validator.ValidateIntoAsync(form, ModelState) || owner is null || await TownsOfVillagesAsync(form, owner, ct) is not { } towns)
        {
            return await FormView(form, null, ct);
        }
        if (await db.Campaigns.AnyAsync(c => c.Code == form.Code.Trim(), ct))
        {
            ModelState.AddModelError(nameof(form.Code), $"代码“{form.Code.Trim()}”已被本县其他专项清查使用。");
            return await FormView(form, null, ct);
        }
        var campaign = Campaign.Create(owner.TenantId, form.TownId, form.ToTerms(), towns);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已建立专项清查“{campaign.Name}”。下一步:导入清查任务数据。";
        return Redirect($"/campaigns/{campaign.Id}");
    }

    [HttpGet("{id:int}")]
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
            ? await db.TaskImports.Where(i => i.CampaignId == id).OrderByDescending(i => i.Id).Take(20).ToListAsync(ct)
            : [];
        return View(new CampaignDetails(campaign, owner, villages, imports, canManage));
    }

    [HttpGet("{id:int}/edit")]
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

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Edit(int id, CampaignForm form, CancellationToken ct)
    {
        var (campaign, denied) = await this.AuthorizeAsync(db, id, CampaignRight.Manage, ct);
        if (campaign is null)
        {
            return denied!;
        }
        form.TownId = campaign.TownId; // a campaign stays with its town, or with the county
        var owner = (await CampaignLookup.FindAsync(db, id, ct))!.Value.Owner;
        if (!await validator.ValidateIntoAsync(form, ModelState) || await TownsOfVillagesAsync(form, owner, ct) is not { } towns)
        {
            return await FormView(form, campaign, ct);
        }
        if (await db.Campaigns.AnyAsync(c => c.Id != id && c.Code == form.Code.Trim(), ct))
        {
            ModelState.AddModelError(nameof(form.Code), $"代码“{form.Code.Trim()}”已被本县其他专项清查使用。");
            return await FormView(form, campaign, ct);
        }
        var removed = campaign.Villages.Select(v => v.VillageId).Except(form.VillageIds).ToList();
        if (removed.Count > 0 && await db.TaskRows.AnyAsync(r => r.CampaignId == id && removed.Contains(r.VillageId), ct))
        {
            ModelState.AddModelError(nameof(form.VillageIds), "已有任务数据的村(社区)不能移出清查范围。");
            return await FormView(form, campaign, ct);
        }
        try
        {
            campaign.Update(form.ToTerms(), towns);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return await FormView(form, campaign, ct);
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "已保存。";
        return Redirect($"/campaigns/{id}");
    }

    [HttpPost("{id:int}/close")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Close(int id, [FromServices] CloseCampaign close, CancellationToken ct) =>
        await this.AnswerAsync(await close.HandleAsync(AppClaims.ActorOf(User), id, ct), $"/campaigns/{id}");

    /// <summary>The town of each village chosen, or null (and the error said) when one lies outside the owner: its town, or the county.</summary>
    private async Task<Dictionary<int, int>?> TownsOfVillagesAsync(CampaignForm form, OrgUnit owner, CancellationToken ct)
    {
        var ids = form.VillageIds.Distinct().ToList();
        var villages = await db.OrgUnits.Where(u => ids.Contains(u.Id) && u.Level == OrgLevel.Village).ToListAsync(ct);
        if (villages.Count != ids.Count || villages.Any(v => !OrgCode.IsWithin(v.Code, owner.Code)))
        {
            ModelState.AddModelError(nameof(form.VillageIds), $"所选村(社区)须属于{owner.Name}。");
            return null;
        }
        return villages.ToDictionary(v => v.Id, v => v.ParentId!.Value);
    }

    private async Task<IActionResult> FormView(CampaignForm form, Campaign? campaign, CancellationToken ct)
    {
        while (form.PhaseNames.Count < CampaignForm.PhaseRows)
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
