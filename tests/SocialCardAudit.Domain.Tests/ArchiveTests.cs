using SocialCardAudit.Domain.Archive;

namespace SocialCardAudit.Domain.Tests;

/// <summary>The archive rules (《社会保险业务档案管理规定(试行)》 as the Wuhu scheme applies them): file numbers, retention, the scheme, appraisal.</summary>
public sealed class ArchiveTests
{
    [Fact]
    public void A_file_number_reads_year_category_link_volume_page_and_retention_and_parses_back()
    {
        var seed = FileNumber.Parse("2009-ZJ-参保单位登记材料-1-50-Y"); // the rules' own example
        Assert.Equal(new FileNumber(2009, "ZJ", "参保单位登记材料", 1, 50, Retention.Permanent), seed);
        Assert.Equal("2009-ZJ-参保单位登记材料-1-50-Y", seed.ToString());
        Assert.Contains("六段", Assert.Throws<DomainException>(() => FileNumber.Parse("2009-ZJ-1-50-Y")).Message, StringComparison.Ordinal);
        Assert.Contains("保管期限代码“X”无效", Assert.Throws<DomainException>(() => FileNumber.Parse("2009-ZJ-参保-1-50-X")).Message, StringComparison.Ordinal);
        Assert.Contains("页码“0”无效", Assert.Throws<DomainException>(() => FileNumber.Parse("2009-ZJ-参保-1-0-Y")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Retention.Years30, 2021, "2051-12-31")] // 2022-01-01 … 2051-12-31
    [InlineData(Retention.Years50, 2021, "2071-12-31")]
    [InlineData(Retention.Years5, 2020, "2025-12-31")]
    public void A_retention_period_runs_from_the_first_of_january_after_the_file_is_closed(Retention retention, int closed, string until)
    {
        var last = DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(last, Retentions.KeptUntil(retention, closed));
        Assert.False(Retentions.HasRunOut(retention, closed, last)); // the last day is still within the period
        Assert.True(Retentions.HasRunOut(retention, closed, last.AddDays(1)));
    }

    [Fact]
    public void A_permanent_file_never_runs_out_and_the_codes_are_the_rules_letters()
    {
        Assert.Null(Retentions.KeptUntil(Retention.Permanent, 2021));
        Assert.False(Retentions.HasRunOut(Retention.Permanent, 1950, new DateOnly(2999, 1, 1)));
        Assert.Equal("YHCDEFG", string.Concat(Retentions.All.Select(Retentions.Code)));
        Assert.Equal(["永久", "100年", "50年", "30年", "15年", "10年", "5年"], Retentions.All.Select(Retentions.DisplayName));
    }

    [Fact]
    public void The_default_scheme_files_every_material_and_a_scheme_with_a_repeated_code_is_refused()
    {
        var scheme = ClassificationScheme.Default.Checked();
        Assert.Equal(new Filing("GL", "社会保险卡管理材料", Retention.Years50), scheme.For(MaterialKind.HandoverRegister)); // 首发、补发、收回: 50 years
        Assert.Equal(Retention.Years50, scheme.For(MaterialKind.VerificationDetail).Retention); // 领取资格验证: 50 years
        Assert.Equal(Retention.Years30, scheme.For(MaterialKind.FraudCase).Retention); // 稽核: 30 years
        Assert.Equal(Retention.Permanent, scheme.For(MaterialKind.MajorFraudCase).Retention); // 大案要案: permanent
        Assert.Equal(Retention.Years10, scheme.For(MaterialKind.WeeklyReport).Retention); // periodic statistics: 10 years

        // The seed's own list: 生育 given SY, the code of 失业.
        var seed = scheme with { Categories = [.. scheme.Categories.Select(c => c.Code == "SYB" ? c with { Code = "SY" } : c)] };
        Assert.Contains("类别代码“SY”重复(失业保险待遇类、生育保险待遇类)", Assert.Throws<DomainException>(() => seed.Checked()).Message, StringComparison.Ordinal);
        var county = seed with { Categories = [.. seed.Categories.Select(c => c.Name == "生育保险待遇类" ? c with { Code = "SX" } : c)] };
        Assert.Empty(county.Problems()); // a county sets its own code

        var unfiled = scheme with { Filings = scheme.Filings.Where(f => f.Key != MaterialKind.StockCards).ToDictionary() };
        Assert.Contains("未规定“库存卡清理汇总表(附件1)”", Assert.Throws<DomainException>(() => unfiled.Checked()).Message, StringComparison.Ordinal);
        var dashed = scheme with { Filings = new Dictionary<MaterialKind, Filing>(scheme.Filings) { [MaterialKind.StockCards] = new("GL", "库存-卡", Retention.Years50) } };
        Assert.Contains("不能含“-”", Assert.Throws<DomainException>(() => dashed.Checked()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_go_into_volumes_by_filing_numbered_with_pages_and_a_new_volume_when_one_is_full()
    {
        var documents = new[]
        {
            new ArchiveDocument("迎丰社区核查明细表", MaterialKind.VerificationDetail, 120),
            new ArchiveDocument("三合村核查明细表", MaterialKind.VerificationDetail, 60),
            new ArchiveDocument("曙辉村核查明细表", MaterialKind.VerificationDetail, 30), // 120 + 60 + 30 > 200: a second volume
            new ArchiveDocument("库存卡清理汇总表", MaterialKind.StockCards, 3),
            new ArchiveDocument("冒领案件 1", MaterialKind.FraudCase, 4),
        };
        var volumes = Volumes.Plan(2021, documents, ClassificationScheme.Default);
        var detail = volumes.Where(v => v.Filing.BusinessLink == "待遇领取资格验证材料").ToList();
        Assert.Equal([1, 2], detail.Select(v => v.Number));
        Assert.Equal(["2021-GL-待遇领取资格验证材料-1-1-C", "2021-GL-待遇领取资格验证材料-1-121-C"], detail[0].Documents.Select(d => d.Number.ToString()));
        Assert.Equal(180, detail[0].Documents[1].LastPage);
        Assert.Equal("2021-GL-待遇领取资格验证材料-2-1-C", detail[1].Documents.Single().Number.ToString());
        Assert.Equal("2021-JH-社会保险稽核材料-1-1-D", volumes.Single(v => v.Filing.Category == "JH").Documents.Single().Number.ToString());
        Assert.Equal("2021年社会保险卡管理材料(第1卷)", volumes.Single(v => v.Filing.BusinessLink == "社会保险卡管理材料").Title);
        Assert.Throws<DomainException>(() => Volumes.Plan(2021, [new ArchiveDocument("空", MaterialKind.StockCards, 0)], ClassificationScheme.Default));
    }

    [Fact]
    public void Destruction_needs_a_run_out_period_an_appraisal_and_the_approval_of_a_second_person()
    {
        var today = new DateOnly(2052, 3, 1);
        Assert.Contains("永久保存", Assert.Throws<DomainException>(() =>
            Appraisal.Record("2021-JH-大案要案稽核材料-1", Retention.Permanent, 2021, AppraisalDecision.Destroy, "无保存价值", "张三", today)).Message, StringComparison.Ordinal);
        Assert.Contains("保管期限至 2071-12-31", Assert.Throws<DomainException>(() =>
            Appraisal.Record("2021-GL-社会保险卡管理材料-1", Retention.Years50, 2021, AppraisalDecision.Destroy, "无保存价值", "张三", today)).Message, StringComparison.Ordinal);

        var appraisal = Appraisal.Record("2021-JH-社会保险稽核材料-1", Retention.Years30, 2021, AppraisalDecision.Destroy, "案件已结,无保存价值", "张三", today);
        Assert.False(appraisal.AllowsDestruction);
        Assert.Contains("没有经两人鉴定", Assert.Throws<DomainException>(() => DestructionList.Of([appraisal], today)).Message, StringComparison.Ordinal);
        Assert.Equal("鉴定与批准须由两人分别办理:提出鉴定意见的人不能批准自己的意见。", Assert.Throws<DomainException>(() => appraisal.Approve("张三", today)).Message);
        appraisal.Approve("李四", today);
        Assert.True(appraisal.AllowsDestruction);
        var list = DestructionList.Of([appraisal], today);
        Assert.Equal(Retention.Permanent, DestructionList.KeptFor); // the list itself is kept permanently
        Assert.Equal("李四", list.Volumes.Single().ApprovedBy);

        var keep = Appraisal.Record("2021-JH-社会保险稽核材料-2", Retention.Years30, 2021, AppraisalDecision.Keep, "涉及未结追缴", "张三", today);
        keep.Approve("李四", today);
        Assert.False(keep.AllowsDestruction);
    }
}
