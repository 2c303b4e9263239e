using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Testing;

namespace SocialCardAudit.Web.Tests;

/// <summary>
/// Every route × every role × own village / sibling village / other town / other tenant.
/// Expected outcomes are written by hand, one column per actor:
///   anonymous, county supervisor, town office, village clerk, verifier, tenant administrator.
/// "ok" = served (2xx, or a redirect that is not to the login page); "login" = sent to sign in;
/// "403" = refused; "404" = not found (objects of another tenant do not exist for the actor).
/// Adding a route without a row here fails <see cref="Every_route_has_a_row_and_every_row_a_route"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly string[] Actors = ["anonymous", "demo.county", "demo.town", "demo.clerk1", "demo.verifier1", "demo.admin"];

    private enum On { None, Unit, User, Campaign, Village, Import, Row, Issue, Fraud, Card, Handover, Authorisation, LostReport, CardImport, Issuance, Case, Batch, ArchivedFile }

    private sealed record Row(string Method, string Template, On Target, string Path, string[] Expected, Func<Scenario, Target?, Dictionary<string, string>>? Form = null)
    {
        public string Key => $"{Method} {Template}";
    }

    private static readonly List<Row> Matrix = [];

    private static void Route(string method, string template, string path, string expected, Func<Scenario, Target?, Dictionary<string, string>>? form = null) =>
        Matrix.Add(new Row(method, template, On.None, path, [expected], form));

    /// <summary>A route over an object: expected outcomes for an object in the own village, a sibling village, another town, another tenant.</summary>
    private static void Route(string method, string template, On target, string own, string sibling, string otherTown, string otherTenant,
        Func<Scenario, Target?, Dictionary<string, string>>? form = null) =>
        Matrix.Add(new Row(method, template, target,
            template.Replace("{id:int}", "{id}", StringComparison.Ordinal).Replace("{id:long}", "{id}", StringComparison.Ordinal)
                .Replace("{villageId:int}", "{villageId}", StringComparison.Ordinal).Replace("{attachmentId:guid}", "{attachmentId}", StringComparison.Ordinal)
                .Replace("{pictureId:guid}", "{pictureId}", StringComparison.Ordinal).Replace(DocumentFormat, "pdf", StringComparison.Ordinal),
            [own, sibling, otherTown, otherTenant], form));

    private const string DocumentFormat = "{format:regex(^(xlsx|pdf)$)}";
    private const string AdminOnly = "login 403 403 403 403 ok";
    private const string Managers = "login ok ok 403 403 403";
    private const string CountyOnly = "login ok 403 403 403 403";
    private const string ManagersNotFound = "login 404 404 403 403 403";
    private const string StaffNotFound = "login 404 404 404 404 403";
    private const string VerifierOwn = "login 403 403 403 ok 403";
    private const string VerifierNone = "login 403 403 403 403 403";
    private const string AdminOnlyNotFound = "login 403 403 403 403 404";

    static AuthorizationMatrixTests()
    {
        //                                                    anon  county town clerk verif admin
        Route("*", "health", "/health", "ok ok ok ok ok ok");
        Route("*", "status/{code:int}", "/status/404", "ok ok ok ok ok ok");
        Route("*", "error", "/error", "ok ok ok ok ok ok");
        Route("GET", "account/login", "/account/login", "ok ok ok ok ok ok");
        Route("POST", "account/login", "/account/login", "ok ok ok ok ok ok",
            (_, _) => new() { ["UserName"] = "nobody", ["Password"] = "wrong-password1" });
        Route("GET", "account/password", "/account/password", "login ok ok ok ok ok");
        Route("POST", "account/password", "/account/password", "login ok ok ok ok ok",
            (_, _) => new() { ["CurrentPassword"] = "", ["NewPassword"] = "", ["ConfirmPassword"] = "" });
        Route("POST", "account/logout", "/account/logout", "login ok ok ok ok ok");
        // Without a password just accepted there is nobody to ask a code of: back to the sign-in page.
        Route("GET", "account/login/code", "/account/login/code", "ok ok ok ok ok ok");
        Route("POST", "account/login/code", "/account/login/code", "ok ok ok ok ok ok", (_, _) => new() { ["code"] = "123456" });
        Route("GET", "account/two-factor", "/account/two-factor", "login ok ok ok ok ok");
        Route("POST", "account/two-factor/enable", "/account/two-factor/enable", "login ok ok ok ok ok", (_, _) => new() { ["code"] = "000000" });
        Route("POST", "account/two-factor/recovery-codes", "/account/two-factor/recovery-codes", "login ok ok ok ok ok");
        Route("POST", "account/two-factor/disable", "/account/two-factor/disable", "login ok ok ok ok ok");
        Route("GET", "", "/", "login ok ok ok ok ok");

        Route("GET", "org/units/{id:int}", On.Unit,
            own: "login ok ok ok ok ok",
            sibling: "login ok ok 403 403 ok",
            otherTown: "login ok 403 403 403 ok",
            otherTenant: "login 404 404 404 404 404");

        Route("GET", "admin/users", "/admin/users", AdminOnly);
        Route("GET", "admin/users/new", "/admin/users/new", AdminOnly);
        Route("POST", "admin/users/new", "/admin/users/new", AdminOnly, (s, _) => new()
        {
            ["UserName"] = "m." + Guid.NewGuid().ToString("N")[..8], ["FullName"] = "新账号", ["PhoneNumber"] = "13912345678",
            ["Role"] = "Verifier", ["OrgUnitId"] = s.Own.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Route("GET", "admin/users/{id}/edit", On.User, AdminOnly, AdminOnly, AdminOnly, AdminOnlyNotFound);
        Route("POST", "admin/users/{id}/edit", On.User, AdminOnly, AdminOnly, AdminOnly, AdminOnlyNotFound, (_, t) => new()
        {
            ["FullName"] = "目标账号", ["PhoneNumber"] = "13900000000", ["Role"] = "Verifier",
            ["OrgUnitId"] = t!.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Route("POST", "admin/users/{id}/disable", On.User, AdminOnly, AdminOnly, AdminOnly, AdminOnlyNotFound);
        Route("POST", "admin/users/{id}/enable", On.User, AdminOnly, AdminOnly, AdminOnly, AdminOnlyNotFound);
        Route("POST", "admin/users/{id}/reset-two-factor", On.User, AdminOnly, AdminOnly, AdminOnly, AdminOnlyNotFound);
        Route("POST", "admin/users/two-factor-policy", "/admin/users/two-factor-policy", AdminOnly, (_, _) => new() { ["required"] = "false" });
        Route("POST", "admin/users/{id}/reset-password", On.User, AdminOnly, AdminOnly, AdminOnly, AdminOnlyNotFound);

        Route("GET", "admin/units", "/admin/units", AdminOnly);
        Route("GET", "admin/units/{id:int}/children/new", On.Unit, AdminOnly, AdminOnly, AdminOnly, AdminOnlyNotFound);
        Route("POST", "admin/units/{id:int}/children/new", On.Unit, AdminOnly, AdminOnly, AdminOnly, AdminOnlyNotFound,
            (_, _) => new() { ["Name"] = "新小组" + Guid.NewGuid().ToString("N")[..6] });
        Route("GET", "admin/units/{id:int}/edit", On.Unit, AdminOnly, AdminOnly, AdminOnly, AdminOnlyNotFound);
        Route("POST", "admin/units/{id:int}/edit", On.Unit, AdminOnly, AdminOnly, AdminOnly, AdminOnlyNotFound,
            (_, t) => new() { ["Name"] = UnitNameOf(t!) });
        Route("GET", "admin/security-events", "/admin/security-events", AdminOnly);
        Route("POST", "admin/security-events/verify", "/admin/security-events/verify", AdminOnly);
        Route("GET", "admin/security-events/export.csv", "/admin/security-events/export.csv", AdminOnly);

        // Campaigns: the town office of the campaign's town and the county manage; the villages it covers see it.
        Route("GET", "campaigns", "/campaigns", "login ok ok ok ok 403");
        Route("GET", "campaigns/new", "/campaigns/new", Managers);
        Route("POST", "campaigns/new", "/campaigns/new", Managers, (s, _) => CampaignForm("N" + Guid.NewGuid().ToString("N")[..8], s.Own, [s.Own.UnitId]));
        Route("GET", "campaigns/{id:int}", On.Campaign,
            own: "login ok ok ok ok 403", sibling: "login ok ok ok ok 403", otherTown: "login ok 403 403 403 403", otherTenant: StaffNotFound);
        Route("GET", "campaigns/{id:int}/edit", On.Campaign, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("POST", "campaigns/{id:int}/edit", On.Campaign, Managers, Managers, CountyOnly, ManagersNotFound,
            (_, t) => CampaignForm(t!.CampaignCode, t, t.CampaignVillageIds));
        Route("GET", "campaigns/{id:int}/imports/new", On.Campaign, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("POST", "campaigns/{id:int}/imports", On.Campaign, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("GET", "imports/template", "/imports/template", Managers);
        Route("GET", "imports/{id:long}", On.Import, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("GET", "imports/{id:long}/status", On.Import, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("GET", "imports/{id:long}/errors", On.Import, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("POST", "imports/{id:long}/cancel", On.Import, Managers, Managers, CountyOnly, ManagersNotFound);

        // A village's rows: county, its town and its clerk see them; its clerk and its town assign.
        Route("GET", "campaigns/{id:int}/villages/{villageId:int}/rows", On.Village,
            own: "login ok ok ok 403 403", sibling: "login ok ok 403 403 403", otherTown: CountyOnly, otherTenant: StaffNotFound);
        Route("POST", "campaigns/{id:int}/villages/{villageId:int}/assign", On.Village,
            own: "login 403 ok ok 403 403", sibling: "login 403 ok 403 403 403", otherTown: "login 403 403 403 403 403", otherTenant: StaffNotFound,
            (s, t) => new() { ["VerifierId"] = s.Verifier1Id, ["RowIds"] = t!.RowId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        // One row: the verifier only when it is theirs; the full numbers for everyone but the county.
        Route("GET", "rows/{id:long}", On.Row,
            own: "login ok ok ok ok 403", sibling: "login ok ok 403 403 403", otherTown: CountyOnly, otherTenant: StaffNotFound);
        Route("POST", "rows/{id:long}/reveal", On.Row,
            own: "login 403 ok ok ok 403", sibling: "login 403 ok 403 403 403", otherTown: "login 403 403 403 403 403", otherTenant: StaffNotFound);
        Route("GET", "my/tasks", "/my/tasks", "login 403 403 403 ok 403");
        Route("GET", "rows/{id:long}/attachments/{attachmentId:guid}", On.Row,
            own: "login 403 ok ok ok 403", sibling: "login 403 ok 403 403 403", otherTown: "login 403 403 403 403 403", otherTenant: StaffNotFound);
        // The finding: only the verifier the row is assigned to.
        Route("GET", "rows/{id:long}/finding", On.Row, VerifierOwn, VerifierNone, VerifierNone, "login 403 403 403 404 403");
        Route("POST", "rows/{id:long}/finding", On.Row, VerifierOwn, VerifierNone, VerifierNone, "login 403 403 403 404 403", (_, _) => new()
        {
            ["Outcome"] = "ReceivedInUse", ["Phone"] = "13800138000", ["Signature"] = "Self", ["Version"] = "0", ["RequestId"] = Guid.NewGuid().ToString(),
            ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });

        // The offline app: the shell and the list are the verifier's own; a finding synced from the phone, as the form
        // (sent from version 1, the one the form above has just saved for the same row).
        Route("GET", "offline", "/offline", "login 403 403 403 ok 403");
        Route("GET", "offline/list", "/offline/list", "login 403 403 403 ok 403");
        Route("POST", "rows/{id:long}/finding/sync", On.Row, VerifierOwn, VerifierNone, VerifierNone, "login 403 403 403 404 403", (_, _) => new()
        {
            ["Outcome"] = "ReceivedInUse", ["Phone"] = "13800138000", ["Signature"] = "Self", ["Version"] = "1", ["RequestId"] = Guid.NewGuid().ToString(),
            ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });

        // Suspicious issues: raised by the row's verifier or the village clerk, answered by those who see the row, closed by the town.
        Route("GET", "issues", "/issues", "login ok ok ok ok 403");
        Route("GET", "rows/{id:long}/issues/new", On.Row, "login 403 403 ok ok 403", VerifierNone, VerifierNone, StaffNotFound);
        Route("POST", "rows/{id:long}/issues", On.Row, "login 403 403 ok ok 403", VerifierNone, VerifierNone, StaffNotFound,
            (_, _) => new() { ["Reason"] = "卡片在他人手中", ["Details"] = "矩阵测试" });
        Route("GET", "issues/{id:long}", On.Issue, "login ok ok ok ok 403", "login ok ok 403 403 403", CountyOnly, StaffNotFound);
        Route("POST", "issues/{id:long}/comments", On.Issue, "login 403 ok ok ok 403", "login 403 ok 403 403 403", VerifierNone, StaffNotFound,
            (_, _) => new() { ["text"] = "请核实" });
        Route("POST", "issues/{id:long}/close", On.Issue, "login 403 ok 403 403 403", "login 403 ok 403 403 403", VerifierNone, StaffNotFound,
            (_, _) => new() { ["resolution"] = "已核实" });

        // Fraud cases: county, town and village see their part; the town registers, records recoveries, hands over.
        const string TownOnly = "login 403 ok 403 403 403";
        const string TownOnlyNotFound = "login 403 404 403 403 403";
        const string CaseNotFound = "login 404 404 404 403 403";
        Route("GET", "fraud-cases", "/fraud-cases", "login ok ok ok 403 403");
        Route("GET", "issues/{id:long}/fraud-case/new", On.Issue, TownOnly, TownOnly, VerifierNone, TownOnlyNotFound);
        Route("POST", "issues/{id:long}/fraud-case", On.Issue, TownOnly, TownOnly, VerifierNone, TownOnlyNotFound, (_, _) => new()
        {
            ["AmountClaimed"] = "100", ["PeriodFrom"] = "2020-01-01", ["PeriodTo"] = "2020-06-30", ["ReportedOn"] = "2021-06-20",
        });
        Route("GET", "fraud-cases/{id:long}", On.Fraud, "login ok ok ok 403 403", "login ok ok 403 403 403", CountyOnly, CaseNotFound);
        Route("POST", "fraud-cases/{id:long}/recoveries", On.Fraud, TownOnly, TownOnly, VerifierNone, CaseNotFound,
            (_, _) => new() { ["amount"] = "1", ["recoveredOn"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Route("POST", "fraud-cases/{id:long}/refer", On.Fraud, TownOnly, TownOnly, VerifierNone, CaseNotFound,
            (_, _) => new() { ["referredOn"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        // Classified statistics: whoever sees the campaign; a village sees its own line only.
        Route("GET", "statistics", "/statistics", Managers);
        Route("GET", "campaigns/{id:int}/statistics", On.Campaign, "login ok ok ok ok 403", "login ok ok ok ok 403", CountyOnly, StaffNotFound);

        // Sign-off: county, town and the village's clerk see it; the clerk submits, the town approves, returns, reopens.
        const string SignOffNotFound = "login 404 404 404 403 403";
        Route("GET", "campaigns/{id:int}/villages/{villageId:int}/signoff", On.Village, "login ok ok ok 403 403", "login ok ok 403 403 403", CountyOnly, SignOffNotFound);
        Route("GET", "campaigns/{id:int}/villages/{villageId:int}/signoff/verify", On.Village, "login ok ok ok 403 403", "login ok ok 403 403 403", CountyOnly, SignOffNotFound);
        Route("POST", "campaigns/{id:int}/villages/{villageId:int}/submit", On.Village, "login 403 403 ok 403 403", VerifierNone, VerifierNone, SignOffNotFound);
        foreach (var act in new[] { "approve", "return", "reopen" })
        {
            Route("POST", $"campaigns/{{id:int}}/villages/{{villageId:int}}/{act}", On.Village, TownOnly, TownOnly, VerifierNone, SignOffNotFound);
        }

        // 附件3 and 附件4 on screen and as files: county, town and the village's clerk; the town's table for county and town.
        foreach (var page in new[] { "summary", "summary." + DocumentFormat, "statistics." + DocumentFormat })
        {
            Route("GET", $"campaigns/{{id:int}}/villages/{{villageId:int}}/{page}", On.Village, "login ok ok ok 403 403", "login ok ok 403 403 403", CountyOnly, StaffNotFound);
        }
        Route("GET", "campaigns/{id:int}/statistics." + DocumentFormat, On.Campaign, Managers, Managers, CountyOnly, StaffNotFound);
        Route("POST", "campaigns/{id:int}/statistics/sign", On.Campaign, TownOnly, TownOnly, VerifierNone, TownOnlyNotFound);

        // Cards: county, town and the village's clerk see them; town and clerk act on them (the forms posted here are
        // refused by the rules, 422, once the actor is let through); the clerk alone signs lost cards and asks for custody.
        const string CardSee = "login ok ok ok 403 403";
        const string CardNotFound = "login 404 404 404 403 403";
        const string CardAct = "login 403 422 422 403 403";
        const string TownActs = "login 403 422 403 403 403";
        const string ClerkActs = "login 403 403 422 403 403";
        Route("GET", "cards", "/cards", CardSee);
        Route("GET", "cards/{id:long}", On.Card, CardSee, "login ok ok 403 403 403", CountyOnly, CardNotFound);
        Route("POST", "cards/{id:long}/move", On.Card, CardAct, TownActs, VerifierNone, CardNotFound, (_, _) => new() { ["To"] = "Activated", ["Method"] = "InPerson" });
        Route("POST", "cards/{id:long}/second-issue", On.Card, CardAct, TownActs, VerifierNone, CardNotFound, (_, _) => new() { ["succeeded"] = "false" });
        Route("POST", "cards/{id:long}/lost", On.Card, ClerkActs, VerifierNone, VerifierNone, CardNotFound);
        Route("POST", "cards/{id:long}/authorisations", On.Card, ClerkActs, VerifierNone, VerifierNone, CardNotFound);
        Route("POST", "authorisations/{id:long}/approve", On.Authorisation, TownOnly, TownOnly, VerifierNone, CardNotFound);
        Route("POST", "authorisations/{id:long}/refuse", On.Authorisation, TownOnly, TownOnly, VerifierNone, CardNotFound, (_, _) => new() { ["reason"] = "矩阵测试" });
        Route("POST", "cards/dormancy", "/cards/dormancy", TownOnly);
        Route("GET", "cards/import", "/cards/import", Managers);
        Route("POST", "cards/import", "/cards/import", Managers);
        Route("GET", "cards/imports/{id:long}", On.CardImport, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("GET", "cards/imports/{id:long}/status", On.CardImport, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("POST", "cards/imports/{id:long}/cancel", On.CardImport, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("GET", "cards/imports/{id:long}/errors", On.CardImport, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("GET", "handovers", "/handovers", CardSee);
        Route("GET", "handovers/new", "/handovers/new", "login 403 ok ok 403 403");
        Route("POST", "handovers", "/handovers", CardAct);
        Route("GET", "handovers/{id:long}", On.Handover, CardSee, "login ok ok 403 403 403", CountyOnly, CardNotFound);
        Route("POST", "handovers/{id:long}/receive", On.Handover, TownActs, TownActs, VerifierNone, CardNotFound);
        Route("POST", "handovers/{id:long}/resolve", On.Handover, TownActs, TownActs, VerifierNone, CardNotFound, (_, _) => new() { ["cardId"] = "1", ["found"] = "true" });
        Route("GET", "stock-cards", "/stock-cards", CardSee);
        Route("GET", "stock-cards." + DocumentFormat, "/stock-cards.pdf", CardSee);
        Route("GET", "villages/{villageId:int}/card-ledger", On.Village, CardSee, "login ok ok 403 403 403", CountyOnly, CardNotFound);
        Route("GET", "villages/{villageId:int}/card-ledger." + DocumentFormat, On.Village, CardSee, "login ok ok 403 403 403", CountyOnly, CardNotFound);
        Route("GET", "lost-cards", "/lost-cards", CardSee);
        Route("POST", "lost-cards/{id:long}/acknowledge", On.LostReport, TownOnly, TownOnly, VerifierNone, TownOnlyNotFound);

        // The weekly report: county and town; the county freezes a week (again: told it is frozen, still a redirect).
        Route("GET", "reports/weekly", "/reports/weekly", Managers);
        Route("GET", "reports/dashboard", "/reports/dashboard", Managers);
        Route("GET", "reports/weekly." + DocumentFormat, "/reports/weekly.pdf", "login 404 404 403 403 403"); // no campaign given
        Route("POST", "reports/weekly/freeze", On.Campaign, "login ok 403 403 403 403", "login ok 403 403 403 403", CountyOnly, "login 404 403 403 403 403",
            (_, t) => new() { ["campaign"] = t!.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["week"] = "2021-W25" });
        Route("GET", "reports/weekly/{id:int}/villages/{villageId:int}", On.Village, Managers, Managers, CountyOnly, ManagersNotFound);

        // 应发尽发: whoever the campaign covers sees its people; the village (and its town) verify; the town office makes
        // batches and records their results; town and clerk issue and activate (refused here, 422: nothing is made yet);
        // county and town read the progress report.
        const string AllNotFound = "login 404 404 404 404 403";
        const string Staff = "login ok ok ok ok 403";
        Route("GET", "imports/comparison-template", "/imports/comparison-template", Managers);
        Route("GET", "campaigns/{id:int}/issuance", On.Issuance, Staff, Staff, CountyOnly, AllNotFound);
        Route("GET", "issuance/{id:long}", On.Case, Staff, "login ok ok 403 403 403", CountyOnly, AllNotFound);
        Route("POST", "issuance/{id:long}/verify", On.Case, "login 403 ok ok ok 403", TownOnly, VerifierNone, AllNotFound, (_, _) => new()
        {
            ["Deceased"] = "false", ["Ethnicity"] = "汉族", ["IdLongTerm"] = "true",
            ["Address"] = "迎丰社区 8 号", ["Phone"] = "13800138000", ["Occupation"] = "农民",
        });
        Route("POST", "issuance/{id:long}/result", On.Case, "login 403 422 403 403 403", "login 403 422 403 403 403", VerifierNone, AllNotFound,
            (_, _) => new() { ["made"] = "false", ["reason"] = "无公安照片" });
        Route("POST", "issuance/{id:long}/issue", On.Case, CardAct, TownActs, VerifierNone, AllNotFound, (_, _) => new() { ["Recipient"] = "Holder" });
        Route("POST", "issuance/{id:long}/activate", On.Case, CardAct, TownActs, VerifierNone, AllNotFound, (_, _) => new() { ["faceToFace"] = "true" });
        Route("GET", "issuance/{id:long}/pictures/{pictureId:guid}", On.Case, "login 403 ok ok ok 403", TownOnly, VerifierNone, AllNotFound);
        Route("GET", "campaigns/{id:int}/issuance/batches", On.Issuance, TownOnly, TownOnly, VerifierNone, AllNotFound);
        Route("POST", "campaigns/{id:int}/issuance/batches", On.Issuance, "login 403 422 403 403 403", "login 403 422 403 403 403", VerifierNone, AllNotFound);
        Route("GET", "issuance/batches/{id:long}", On.Batch, Managers, Managers, CountyOnly, AllNotFound);
        Route("POST", "issuance/batches/{id:long}/results", On.Batch, TownOnly, TownOnly, VerifierNone, AllNotFound);
        Route("GET", "campaigns/{id:int}/issuance/progress", On.Issuance, Managers, Managers, CountyOnly, AllNotFound);

        // The archive of a campaign: those who manage it (compiling an open campaign is refused, shown on the page).
        Route("GET", "campaigns/{id:int}/archive", On.Campaign, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("POST", "campaigns/{id:int}/archive", On.Campaign, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("POST", "campaigns/{id:int}/archive/verify", On.Campaign, Managers, Managers, CountyOnly, ManagersNotFound);
        Route("GET", "archive/files/{id:long}", On.ArchivedFile, Managers, Managers, CountyOnly, ManagersNotFound);

        // Last: closing the campaign changes what the routes above are tried against.
        Route("POST", "campaigns/{id:int}/close", On.Campaign, Managers, Managers, CountyOnly, ManagersNotFound);
    }

    private static Dictionary<string, string> CampaignForm(string code, Target t, IReadOnlyList<int> villages)
    {
        var form = new Dictionary<string, string>
        {
            ["TownId"] = "0", ["Code"] = code, ["Name"] = t.CampaignCode + " 清查", ["DocumentNumber"] = "测试〔2021〕1号",
            ["StartDate"] = "2021-06-08", ["EndDate"] = "2021-06-30",
        };
        for (var i = 0; i < villages.Count; i++)
        {
            form[$"VillageIds[{i}]"] = villages[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return form;
    }

    // The rename posts each village's own name back, so the matrix leaves the names as they were.
    private static string UnitNameOf(Target t) => t.UserName switch
    {
        "t.own" => "迎丰社区",
        "t.sibling" => "三合村",
        "t.othertown" => "测试村",
        _ => "东山村",
    };

    [Fact]
    public void Every_route_has_a_row_and_every_row_a_route()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText?.TrimStart('/')}"))
            .ToHashSet();
        var rows = Matrix.Select(r => r.Key).ToHashSet();

        Assert.True(endpoints.SetEquals(rows),
            $"Routes without a row: {string.Join(", ", endpoints.Except(rows))}. Rows without a route: {string.Join(", ", rows.Except(endpoints))}.");
    }

    [Fact]
    public async Task Every_actor_gets_exactly_the_expected_answer_on_every_route()
    {
        var s = fixture.Scenario;
        var clients = new Dictionary<string, HttpClient>();
        foreach (var actor in Actors)
        {
            clients[actor] = actor == "anonymous" ? fixture.App.NewClient() : await fixture.App.SignedInAsync(actor);
        }

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var row in Matrix.Where(r => r.Template != "account/logout"))
        {
            var targets = row.Target == On.None
                ? [("-", (Target?)null)]
                : new[] { ("own", (Target?)s.Own), ("sibling", s.SiblingVillage), ("other town", s.OtherTown), ("other tenant", s.OtherTenant) };
            for (var t = 0; t < targets.Length; t++)
            {
                var (relation, target) = targets[t];
                var expected = row.Expected[t].Split(' ');
                for (var a = 0; a < Actors.Length; a++)
                {
                    var actual = await CallAsync(clients[Actors[a]], Actors[a], row, target);
                    checkedCount++;
                    if (actual != expected[a])
                    {
                        failures.Add($"{row.Key} [{relation}] as {Actors[a]}: expected {expected[a]}, got {actual}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedCount > 600, $"only {checkedCount} cases ran");
    }

    [Fact]
    public async Task Logout_ends_the_session_of_every_role()
    {
        foreach (var actor in Actors.Skip(1))
        {
            var client = await fixture.App.SignedInAsync(actor);
            var token = await client.TokenAsync();
            var response = await client.PostFormAsync("/account/logout", token, []);
            Assert.Equal("/account/login", response.Headers.Location?.OriginalString);
            Assert.Equal("login", Classify(await client.GetAsync("/")));
        }
        Assert.Equal("login", Classify(await fixture.App.NewClient().PostAsync("/account/logout", null)));
    }

    private async Task<string> CallAsync(HttpClient client, string actor, Row row, Target? target)
    {
        var path = target is null ? row.Path : "/" + row.Path
            .Replace("{id}", row.Target switch
            {
                On.Unit => $"{target.UnitId}",
                On.User => target.UserId,
                On.Campaign or On.Village => $"{target.CampaignId}",
                On.Import => $"{target.ImportId}",
                On.Issue => $"{target.IssueId}",
                On.Fraud => $"{target.FraudCaseId}",
                On.Card => $"{target.CardId}",
                On.Handover => $"{target.HandoverId}",
                On.Authorisation => $"{target.AuthorisationId}",
                On.LostReport => $"{target.LostReportId}",
                On.CardImport => $"{target.CardImportId}",
                On.Issuance => $"{target.IssuanceCampaignId}",
                On.Case => $"{target.CaseId}",
                On.Batch => $"{target.BatchId}",
                On.ArchivedFile => $"{target.ArchivedFileId}",
                _ => $"{target.RowId}",
            }, StringComparison.Ordinal)
            .Replace("{villageId}", $"{target.UnitId}", StringComparison.Ordinal)
            .Replace("{attachmentId}", $"{target.AttachmentId}", StringComparison.Ordinal)
            .Replace("{pictureId}", $"{target.PictureId}", StringComparison.Ordinal);
        if (row.Method is "GET" or "*")
        {
            return Classify(await client.GetAsync(path));
        }
        // Posts carry a real form and the actor's antiforgery token, as a browser's would.
        var token = await client.TokenAsync(actor == "anonymous" ? "/account/login" : "/account/password");
        var form = row.Form?.Invoke(fixture.Scenario, target) ?? [];
        return Classify(await client.PostFormAsync(path, token, form));
    }

    private static string Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/account/login?", StringComparison.Ordinal) => "login",
            HttpStatusCode.Forbidden => "403",
            HttpStatusCode.NotFound => "404",
            >= HttpStatusCode.OK and < HttpStatusCode.BadRequest => "ok",
            _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
