using ClosedXML.Excel;
using Microsoft.Playwright;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Browser.Tests;

/// <summary>
/// 应发尽发 for one person of 永吉村, through the whole chain as the offices do it: the town imports the comparison
/// list, the village verifier checks the person on a phone, the town makes a batch and imports the bank's results,
/// the clerk issues the card against a drawn signature and records the face-to-face activation, and the county
/// reads the progress report.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class IssuanceJourneyTests(BrowserFixture fixture)
{
    private const string Campaign = "梅田湖镇社会保障卡应发尽发";

    [Fact]
    public async Task One_person_of_a_village_is_compared_verified_made_issued_against_a_signature_activated_and_counted()
    {
        var folder = Directory.CreateTempSubdirectory("sca-issuance-").FullName;
        var person = SyntheticTaskList.Row(600_011, DemoData.MeitianhuVillages); // 600 011 % 12 = 11: 永吉村
        Assert.Equal("永吉村", person[7]);
        var list = Path.Combine(folder, "比对名单.xlsx");
        await using (var s = File.Create(list))
        {
            SyntheticTaskList.WriteXlsx(s, [[person[1], person[2], person[7], "", ""]], SyntheticTaskList.ComparisonHeader);
        }

        // The town office imports the comparison list into the demo campaign.
        var town = await fixture.SignedInDesktopAsync("demo.town");
        await town.GetByRole(AriaRole.Link, new() { Name = "专项清查", Exact = true }).First.ClickAsync();
        await town.GetByRole(AriaRole.Link, new() { Name = Campaign }).ClickAsync();
        await town.GetByRole(AriaRole.Link, new() { Name = "导入数据比对名单" }).ClickAsync();
        await town.Locator("#file").SetInputFilesAsync(list);
        await town.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await town.Locator(".stats >> nth=1").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Matches(@"1\s*导入", await town.Locator(".stats >> nth=1").InnerTextAsync());

        // The village's verifier finds the person in the village's list on a phone and records the nine elements and a photo.
        var verifier = await fixture.SignedInPhoneAsync("demo.verifier12");
        await verifier.GetByRole(AriaRole.Link, new() { Name = "专项清查", Exact = true }).First.ClickAsync();
        await verifier.GetByRole(AriaRole.Link, new() { Name = Campaign }).ClickAsync();
        await verifier.Locator("#issuance-people").ClickAsync();
        await verifier.GetByRole(AriaRole.Link, new() { Name = person[1] }).First.ClickAsync();
        Assert.Equal(person[2], await verifier.Locator("dl.facts code").First.InnerTextAsync()); // the full number, for the village
        // Sex and date of birth come from the ID number; a date typed against it is refused, with the ID's date.
        Assert.True(await verifier.Locator("input[name=Sex][value=Male]").IsCheckedAsync());
        Assert.Equal("1940-01-12", await verifier.Locator("#BirthDate").InputValueAsync());
        await verifier.Locator("#Ethnicity").FillAsync("汉族");
        await verifier.Locator("#BirthDate").FillAsync("1960-03-01");
        await verifier.Locator("input[name=IdLongTerm]").CheckAsync();
        await verifier.Locator("#Address").FillAsync("梅田湖镇永吉村 3 组 12 号");
        await verifier.Locator("#Phone").FillAsync("13900001111");
        await verifier.Locator("#Occupation").FillAsync("农民");
        await verifier.Locator("#Photo").SetInputFilesAsync(new FilePayload { Name = "IMG_0001.png", MimeType = "image/png", Buffer = Scenario.TinyPng });
        Assert.True(await verifier.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the person's page scrolls sideways on a phone");
        await verifier.GetByRole(AriaRole.Button, new() { Name = "保存核查结果" }).ClickAsync();
        Assert.Contains("身份证为 1940-01-12", await verifier.Locator("#case-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("梅田湖镇永吉村 3 组 12 号", await verifier.Locator("#Address").InputValueAsync()); // nothing typed is lost
        await verifier.Locator("#BirthDate").FillAsync("1940-01-12");
        await verifier.Locator("#Photo").SetInputFilesAsync(new FilePayload { Name = "IMG_0001.png", MimeType = "image/png", Buffer = Scenario.TinyPng });
        await verifier.GetByRole(AriaRole.Button, new() { Name = "保存核查结果" }).ClickAsync();
        await verifier.Locator(".flash").WaitForAsync();
        Assert.Contains("信息核查完成,可以制卡", await verifier.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        var personUrl = verifier.Url;
        await verifier.Context.CloseAsync();

        // The town makes a batch of this person, sends the list to the bank and imports what the bank returns.
        await town.GetByRole(AriaRole.Link, new() { Name = "专项清查", Exact = true }).First.ClickAsync();
        await town.GetByRole(AriaRole.Link, new() { Name = Campaign }).ClickAsync();
        await town.GetByRole(AriaRole.Link, new() { Name = "制卡批次" }).ClickAsync();
        foreach (var box in await town.Locator("#batch-form input[name=caseIds]").AllAsync())
        {
            if (!(await box.Locator("..").InnerTextAsync()).Contains(person[1], StringComparison.Ordinal))
            {
                await box.UncheckAsync();
            }
        }
        await town.GetByRole(AriaRole.Button, new() { Name = "生成制卡批次" }).ClickAsync();
        await town.Locator("#waiting").WaitForAsync();
        Assert.Equal("1", await town.Locator("#waiting").InnerTextAsync());
        var download = await town.RunAndWaitForDownloadAsync(() => town.Locator("#making-list").ClickAsync());
        var making = Path.Combine(folder, download.SuggestedFilename);
        await download.SaveAsAsync(making);
        using (var workbook = new XLWorkbook(making))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal(person[2], sheet.Cell(4, 6).GetString());
            Assert.Equal("长期", sheet.Cell(4, 7).GetString());
            sheet.Cell(4, 13).Value = "成功";
            sheet.Cell(4, 14).Value = SyntheticTaskList.CardFor(600_011);
            workbook.Save();
        }
        await town.Locator("#results-form #file").SetInputFilesAsync(making);
        await town.GetByRole(AriaRole.Button, new() { Name = "导入制卡结果" }).ClickAsync();
        await town.Locator(".flash").WaitForAsync();
        Assert.Contains("制成 1 人", await town.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);

        // The clerk issues the card against the holder's signature, then records the face-to-face activation.
        var clerk = await fixture.SignedInPhoneAsync("demo.clerk12");
        await clerk.GotoAsync(personUrl);
        Assert.Equal("已制卡", await clerk.Locator("#stage").InnerTextAsync());
        var pad = clerk.Locator("#signature-pad");
        await pad.ScrollIntoViewIfNeededAsync();
        var box2 = (await pad.BoundingBoxAsync())!;
        Dictionary<string, object> At(double dx, double dy) => new()
        {
            ["clientX"] = Math.Round(box2.X + dx), ["clientY"] = Math.Round(box2.Y + dy), ["pointerId"] = 1, ["pointerType"] = "touch", ["isPrimary"] = true,
        };
        await pad.DispatchEventAsync("pointerdown", At(20, 20));
        foreach (var (dx, dy) in new[] { (60, 40), (120, 60), (200, 30) })
        {
            await pad.DispatchEventAsync("pointermove", At(dx, dy));
        }
        await pad.DispatchEventAsync("pointerup", At(200, 30));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "确认发放" }).ClickAsync();
        await clerk.Locator(".flash").WaitForAsync();
        Assert.Equal("已发放", await clerk.Locator("#stage").InnerTextAsync());

        await clerk.Locator("#activate-place").FillAsync("农业银行梅田湖网点");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "登记激活" }).ClickAsync(); // not marked face to face: refused
        Assert.Contains("严禁非面签方式激活", await clerk.Locator("#case-error").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.Locator("input[name=faceToFace]").CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "登记激活" }).ClickAsync();
        await clerk.Locator(".flash").WaitForAsync();
        Assert.Equal("已激活", await clerk.Locator("#stage").InnerTextAsync());
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sca-issuance-person.png"), FullPage = true });
        await clerk.Context.CloseAsync();
        await town.Context.CloseAsync();

        // The county's report counts the activation in 永吉村 as this week's change.
        var county = await fixture.SignedInDesktopAsync("demo.county");
        await county.GetByRole(AriaRole.Link, new() { Name = "专项清查", Exact = true }).First.ClickAsync();
        await county.GetByRole(AriaRole.Link, new() { Name = Campaign }).ClickAsync();
        await county.GetByRole(AriaRole.Link, new() { Name = "进度通报" }).ClickAsync();
        var village = county.Locator("table.report tr", new() { HasText = "永吉村" });
        var activation = await village.Locator("td[data-label='金融功能激活']").InnerTextAsync();
        Assert.Matches(@"^1\(\d+(\.\d)?%\)\s*\+1", activation.Trim());
        var xlsx = await county.RunAndWaitForDownloadAsync(() => county.Locator("#progress-xlsx").ClickAsync());
        using (var report = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await xlsx.PathAsync()))))
        {
            Assert.Contains(report.Worksheets, w => w.Name == "梅田湖镇");
        }
        await county.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sca-issuance-progress.png"), FullPage = true });
        await county.Context.CloseAsync();
    }
}
