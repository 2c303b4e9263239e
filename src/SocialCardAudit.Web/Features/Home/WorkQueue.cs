using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Reports;
using SocialCardAudit.UseCases.SignOff;
using SocialCardAudit.UseCases.Statistics;
using SocialCardAudit.Web.Features.Campaigns;

namespace SocialCardAudit.Web.Features.Home;

/// <summary>One count of waiting work on a home page, linking to the list where it is done.</summary>
public sealed record WorkItem(string Id, string Label, int Count, string Link, string? Detail = null);

/// <summary>
/// What waits for each role, counted: the verifier's rows to visit, returned by the town and flagged; the clerk's
/// rows not yet verified (by verifier), a village ready to sign or returned, open 疑点 and lost cards; the town's
/// villages to review and 疑点 to answer; the county's overdue villages and this week's progress.
/// </summary>
public static class WorkQueue
{
    public static async Task<IReadOnlyList<WorkItem>> LoadAsync(AppDbContext db, UserScope scope, string me, CountyClock clock, IUrlHelper url, CancellationToken ct)
    {
        var running = Access.Campaigns(db, scope).Where(c => c.ClosedAtUtc == null);
        var openCampaigns = running.Where(c => c.Kind == CampaignKind.Audit);
        var items = new List<WorkItem>();
        switch (scope.Role)
        {
            case Roles.Verifier:
            {
                var mine = db.TaskRows.Where(Access.AssignedTo(scope, me)).Where(r => openCampaigns.Any(c => c.Id == r.CampaignId));
                items.Add(new("todo", "待核查", await mine.CountAsync(r => !db.VerificationRecords.Any(v => v.TaskRowId == r.Id), ct), url.RouteUrl("Verification.Index", new { status = "todo" })!));
                items.Add(new("returned", "镇退回", await mine.CountAsync(r => ReturnedNow.Rows(db).Any(rr => rr.TaskRowId == r.Id), ct), url.RouteUrl("Verification.Index", new { status = "returned" })!,
                    "镇社会事业综合服务中心退回、需要修改的人"));
                items.Add(new("flagged", "疑点", await mine.CountAsync(r => db.SuspiciousIssues.Any(i => i.TaskRowId == r.Id && i.ClosedAtUtc == null), ct), url.RouteUrl("Verification.Index", new { status = "flagged" })!));
                break;
            }
            case Roles.VillageClerk:
            {
                var village = scope.UnitId;
                foreach (var c in await openCampaigns.Where(c => c.Villages.Any(v => v.VillageId == village)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                {
                    var open = await db.TaskRows.Where(r => r.CampaignId == c.Id && r.VillageId == village && !db.VerificationRecords.Any(v => v.TaskRowId == r.Id))
                        .GroupBy(r => r.VerifierId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                    var ids = open.Where(o => o.Key != null).Select(o => o.Key!).ToList();
                    var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
                    var byVerifier = string.Join("、", open.OrderByDescending(o => o.Count).Select(o => $"{(o.Key is null ? "未分配" : names.GetValueOrDefault(o.Key, "(已删除账号)"))} {o.Count}"));
                    var rows = url.RouteUrl("Assignment.Rows", new { id = c.Id, villageId = village })!;
                    items.Add(new($"open-{c.Id}", $"未核查 · {c.Name}", open.Sum(o => o.Count), rows, byVerifier.Length > 0 ? byVerifier : null));
                    var state = await db.VillageSubmissions.Where(v => v.CampaignId == c.Id && v.VillageId == village).Select(v => (SubmissionState?)v.State).SingleOrDefaultAsync(ct);
                    var signoff = url.RouteUrl("SignOff.Index", new { id = c.Id, villageId = village })!;
                    if (state is null or SubmissionState.InProgress && open.Sum(o => o.Count) == 0)
                    {
                        items.Add(new($"ready-{c.Id}", "可签字提交", 1, signoff, "全部核查完毕,请核对分类统计表后签字提交"));
                    }
                    if (state == SubmissionState.Returned)
                    {
                        items.Add(new($"returned-{c.Id}", "被退回", 1, signoff, "请按镇的退回原因修改后重新签字提交"));
                    }
                }
                items.Add(new("issues", "疑点", await Access.Issues(db, scope, me).CountAsync(i => i.ClosedAtUtc == null, ct), url.RouteUrl("Issues.Index")!));
                items.Add(new("lost", "遗失卡(待镇确认)", await LostAsync(db, scope, ct), url.RouteUrl("Stock.Lost")!));
                break;
            }
            case Roles.TownOffice:
            {
                var submitted = await db.VillageSubmissions
                    .Where(v => v.State == SubmissionState.Submitted && openCampaigns.Any(c => c.Id == v.CampaignId)
                                && db.OrgUnits.Any(u => u.Id == v.VillageId && u.ParentId == scope.UnitId))
                    .GroupBy(v => v.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                var review = submitted.Count == 1 ? url.RouteUrl("Statistics.Index", new { id = submitted[0].Key })! : url.RouteUrl("Campaigns.Index")!;
                items.Add(new("review", "待审核村(社区)", submitted.Sum(s => s.Count), review));
                items.Add(new("issues", "待答复疑点", await Access.Issues(db, scope, me).CountAsync(i => i.ClosedAtUtc == null, ct), url.RouteUrl("Issues.Index")!));
                items.Add(new("lost", "待确认遗失卡", await LostAsync(db, scope, ct), url.RouteUrl("Stock.Lost")!));
                break;
            }
            case Roles.CountySupervisor:
            {
                var today = clock.Today;
                // Every overdue campaign counted in one pass, not a report's worth of queries per campaign.
                var late = await openCampaigns.Where(c => c.EndDate < today).Select(c => c.Id).ToListAsync(ct);
                var counts = await StatisticsQueries.VillageTotalsAsync(db, late, ct);
                var approved = (await db.VillageSubmissions.Where(v => late.Contains(v.CampaignId) && v.State == SubmissionState.Approved)
                    .Select(v => new { v.CampaignId, v.VillageId }).ToListAsync(ct)).Select(v => (v.CampaignId, v.VillageId)).ToHashSet();
                var overdue = counts.Count(c => c.Value.TaskRecords > 0 && (c.Value.Open > 0 || !approved.Contains(c.Key)));
                items.Add(new("overdue", "逾期未完成村(社区)", overdue, url.RouteUrl("Reports.Dashboard")!, "已过截止日期,仍有未核查的人或未经镇审核签字"));
                var monday = clock.ToUtc(ReportWeek.Current(clock).Monday.ToDateTime(TimeOnly.MinValue));
                var thisWeek = await db.VerificationVersions.CountAsync(v => v.Version == 1 && v.ChangedAtUtc >= monday, ct);
                items.Add(new("week", "本周新核查", thisWeek, url.RouteUrl("Reports.Weekly")!, $"本周({ReportWeek.Current(clock).Days})首次录入的核查结果"));
                break;
            }
        }
        // 应发尽发: the village verifies (and puts right what the bank sent back), the town makes the cards.
        foreach (var c in await running.Where(c => c.Kind == CampaignKind.Issuance).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
        {
            // One query per campaign: how many people stand at each stage (and, verified, whether a card already exists).
            var counts = await Access.IssuanceCases(db, scope).Where(x => x.CampaignId == c.Id)
                .GroupBy(x => new { x.Stage, Found = x.Comparison == ComparisonResult.CardMade })
                .Select(g => new { g.Key.Stage, g.Key.Found, N = g.Count() }).ToListAsync(ct);
            int At(IssuanceStage stage, bool? found = null) => counts.Where(x => x.Stage == stage && (found is null || x.Found == found)).Sum(x => x.N);
            if (scope.Role is Roles.VillageClerk or Roles.Verifier or Roles.TownOffice)
            {
                items.Add(new($"verify-{c.Id}", $"待信息核查 · {c.Name}", At(IssuanceStage.Compared),
                    url.RouteUrl("Issuance.Index", new { id = c.Id, stage = IssuanceStage.Compared })!));
                items.Add(new($"failed-{c.Id}", "制卡失败待补正", At(IssuanceStage.MakingFailed),
                    url.RouteUrl("Issuance.Index", new { id = c.Id, stage = IssuanceStage.MakingFailed })!, "银行退回的人员,按原因补正后重新核查"));
            }
            if (scope.Role == Roles.TownOffice)
            {
                items.Add(new($"ready-{c.Id}", "可制卡", At(IssuanceStage.Verified, found: false), url.RouteUrl("Issuance.Batches", new { id = c.Id })!));
            }
            if (scope.Role is Roles.VillageClerk or Roles.TownOffice)
            {
                items.Add(new($"issue-{c.Id}", "待发放", At(IssuanceStage.Made),
                    url.RouteUrl("Issuance.Index", new { id = c.Id, stage = IssuanceStage.Made })!, "须上传领卡签收表照片或由领卡人手写签名"));
            }
            if (scope.Role == Roles.CountySupervisor)
            {
                items.Add(new($"progress-{c.Id}", $"应发尽发 · {c.Name}", counts.Where(x => x.Stage is not (IssuanceStage.Activated or IssuanceStage.Deceased)).Sum(x => x.N),
                    url.RouteUrl("Issuance.Progress", new { id = c.Id })!, "尚未激活的人数;点击查看各阶段进度"));
            }
        }
        return items;
    }

    private static Task<int> LostAsync(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        var cards = Access.Cards(db, scope);
        return db.LostCardReports.CountAsync(r => r.AcknowledgedAtUtc == null && cards.Any(c => c.Id == r.CardId), ct);
    }
}
