using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Admin;

public sealed class UnitNameForm
{
    public string Name { get; set; } = "";

    /// <summary>Villages only: other names the card system's files use for it, one per line.</summary>
    public string? Aliases { get; set; }

    public List<string> AliasList() =>
        (Aliases ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>The tenant administrator's management of towns, villages and resident groups.</summary>
[Route("admin/units")]
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class OrgUnitsController(AppDbContext db, SecurityEvents events) : Controller
{
    [HttpGet("", Name = "OrgUnits.Index")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await UnitChoices.LoadAsync(db, OrgLevel.ResidentGroup, ct));

    [HttpGet("{id:int}/children/new", Name = "OrgUnits.CreateChild")]
    public async Task<IActionResult> CreateChild(int id, CancellationToken ct)
    {
        if (await db.OrgUnits.FindAsync([id], ct) is not { } parent)
        {
            return NotFound();
        }
        if (parent.Level.ChildLevel() is null)
        {
            // 居民小组 is the lowest level: say so, rather than fail.
            TempData["Error"] = $"“{parent.Name}”是{parent.Level.DisplayName()},是最下一级单位,不能再建下级单位。";
            return RedirectToRoute("OrgUnits.Index");
        }
        return NameView(parent, null, new UnitNameForm());
    }

    [HttpPost("{id:int}/children/new", Name = "OrgUnits.CreateChild")]
    public async Task<IActionResult> CreateChild(int id, UnitNameForm form, CancellationToken ct)
    {
        if (await db.OrgUnits.FindAsync([id], ct) is not { } parent)
        {
            return NotFound();
        }
        var siblings = await db.OrgUnits.Where(u => u.ParentId == parent.Id).ToListAsync(ct);
        try
        {
            var child = parent.AddChild(form.Name, siblings);
            db.OrgUnits.Add(child);
            await db.SaveChangesAsync(ct);
            await events.RecordAsync(SecurityEventKind.OrgUnitChanged, User, $"新建单位 {child.Name}({child.Level.DisplayName()})");
            TempData["Message"] = $"已新建{child.Level.DisplayName()}“{child.Name}”。";
            return RedirectToRoute("OrgUnits.Index");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(form.Name), e.Message);
            return NameView(parent, null, form);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(form.Name), "保存时与他人的修改冲突,请重试。");
            return NameView(parent, null, form);
        }
    }

    [HttpGet("{id:int}/edit", Name = "OrgUnits.Edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        if (await db.OrgUnits.FindAsync([id], ct) is not { } unit)
        {
            return NotFound();
        }
        var aliases = await db.VillageAliases.Where(a => a.VillageId == id).OrderBy(a => a.Alias).Select(a => a.Alias).ToListAsync(ct);
        return NameView(null, unit, new UnitNameForm { Name = unit.Name, Aliases = string.Join("\n", aliases) });
    }

    [HttpPost("{id:int}/edit", Name = "OrgUnits.Edit")]
    public async Task<IActionResult> Edit(int id, UnitNameForm form, CancellationToken ct)
    {
        if (await db.OrgUnits.FindAsync([id], ct) is not { } unit)
        {
            return NotFound();
        }
        var siblings = await db.OrgUnits.Where(u => u.ParentId == unit.ParentId).ToListAsync(ct);
        try
        {
            var old = unit.Name;
            unit.Rename(form.Name, siblings);
            if (unit.Level == OrgLevel.Village && !await ReplaceAliasesAsync(unit, form, ct))
            {
                return NameView(null, unit, form);
            }
            await db.SaveChangesAsync(ct);
            await events.RecordAsync(SecurityEventKind.OrgUnitChanged, User, $"单位改名 {old} → {unit.Name}");
            TempData["Message"] = $"已保存“{unit.Name}”。";
            return RedirectToRoute("OrgUnits.Index");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(form.Name), e.Message);
            return NameView(null, unit, form);
        }
    }

    /// <summary>An alias may not be another village's name or alias in the county: the import must know which village is meant.</summary>
    private async Task<bool> ReplaceAliasesAsync(OrgUnit village, UnitNameForm form, CancellationToken ct)
    {
        var wanted = form.AliasList();
        if (wanted.FirstOrDefault(a => a.Length > OrgUnit.MaxNameLength) is { } tooLong)
        {
            ModelState.AddModelError(nameof(form.Aliases), $"别名“{tooLong[..10]}…”超过 {OrgUnit.MaxNameLength} 个字。");
            return false;
        }
        var takenByName = await db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Id != village.Id && wanted.Contains(u.Name)).Select(u => u.Name).ToListAsync(ct);
        var takenByAlias = await db.VillageAliases.Where(a => a.VillageId != village.Id && wanted.Contains(a.Alias)).Select(a => a.Alias).ToListAsync(ct);
        if (takenByName.Concat(takenByAlias).FirstOrDefault() is { } taken)
        {
            ModelState.AddModelError(nameof(form.Aliases), $"“{taken}”已是本县另一个村(社区)的名称或别名。");
            return false;
        }
        var current = await db.VillageAliases.Where(a => a.VillageId == village.Id).ToListAsync(ct);
        db.VillageAliases.RemoveRange(current.Where(a => !wanted.Contains(a.Alias)));
        db.VillageAliases.AddRange(wanted.Where(w => current.All(a => a.Alias != w)).Select(w => new VillageAlias { VillageId = village.Id, Alias = w }));
        return true;
    }

    private ViewResult NameView(OrgUnit? parent, OrgUnit? unit, UnitNameForm form)
    {
        ViewData["Parent"] = parent;
        ViewData["Unit"] = unit;
        return View("NameForm", form);
    }
}
