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
}

/// <summary>The tenant administrator's management of towns, villages and resident groups.</summary>
[Route("admin/units")]
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class OrgUnitsController(AppDbContext db, SecurityEvents events) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await UnitChoices.LoadAsync(db, OrgLevel.ResidentGroup, ct));

    [HttpGet("{id:int}/children/new")]
    public async Task<IActionResult> CreateChild(int id, CancellationToken ct) =>
        await db.OrgUnits.FindAsync([id], ct) is { } parent ? NameView(parent, null, new UnitNameForm()) : NotFound();

    [HttpPost("{id:int}/children/new")]
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
            return Redirect("/admin/units");
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

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await db.OrgUnits.FindAsync([id], ct) is { } unit ? NameView(null, unit, new UnitNameForm { Name = unit.Name }) : NotFound();

    [HttpPost("{id:int}/edit")]
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
            await db.SaveChangesAsync(ct);
            await events.RecordAsync(SecurityEventKind.OrgUnitChanged, User, $"单位改名 {old} → {unit.Name}");
            TempData["Message"] = $"已保存“{unit.Name}”。";
            return Redirect("/admin/units");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(form.Name), e.Message);
            return NameView(null, unit, form);
        }
    }

    private ViewResult NameView(OrgUnit? parent, OrgUnit? unit, UnitNameForm form)
    {
        ViewData["Parent"] = parent;
        ViewData["Unit"] = unit;
        return View("NameForm", form);
    }
}
