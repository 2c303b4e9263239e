using System.Globalization;
using System.Text;
using MiniExcelLibs;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.People;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.UseCases.Demo;

/// <summary>
/// Made-up task lists for demos, tests and benchmarks: valid, unique ID numbers (GB 11643 check digit)
/// and Luhn-valid card numbers, spread over the given villages and three groups each. Not real people.
/// </summary>
public static class SyntheticTaskList
{
    public static readonly string[] Header = [.. new[]
    {
        TaskColumn.Number, TaskColumn.Name, TaskColumn.IdNumber, TaskColumn.BankCard, TaskColumn.Address,
        TaskColumn.Phone, TaskColumn.ResidentGroup, TaskColumn.Village,
    }.Select(TaskColumns.DisplayName)];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Given = ["建国", "秀英", "桂兰", "志强", "红梅", "伟", "芳", "丽", "军", "勇", "敏", "静", "磊", "洋", "艳", "杰", "娟", "涛", "明", "超"];
    private static readonly string[] Ordinals = ["第一", "第二", "第三"];

    /// <summary>Row i (0-based) of a list; the same i always gives the same person.</summary>
    public static string[] Row(int i, IReadOnlyList<string> villages)
    {
        var village = villages[i % villages.Count];
        var group = Ordinals[i / villages.Count % 3] + (village.EndsWith("社区", StringComparison.Ordinal) ? "居民小组" : "村民小组");
        return
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            Surnames[i % Surnames.Length] + Given[i / Surnames.Length % Given.Length],
            IdNumberFor(i),
            CardFor(i),
            $"{village}{group}{i % 97 + 1}号",
            "13" + (i % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture),
            group,
            village,
        ];
    }

    public static IEnumerable<string[]> Rows(int count, IReadOnlyList<string> villages) =>
        Enumerable.Range(0, count).Select(i => Row(i, villages));

    /// <summary>The columns of a comparison list (数据比对名单) of people without a card.</summary>
    public static readonly string[] ComparisonHeader = ["姓名", "身份证号码", "村(社区)", "比对结果", "失败原因"];

    /// <summary>
    /// People without a card, numbered from <paramref name="first"/> (far from the task list's, so nobody is in both):
    /// one in ten failed at an earlier making, the others without a record, some left for the card register to decide.
    /// </summary>
    public static IEnumerable<string[]> ComparisonRows(int first, int count, IReadOnlyList<string> villages) => Enumerable.Range(first, count).Select(i =>
    {
        var person = Row(i, villages);
        return ((i - first) % 10) switch
        {
            0 => new[] { person[1], person[2], person[7], "制卡失败", "无公安照片" },
            < 5 => new[] { person[1], person[2], person[7], "无制卡信息", "" },
            _ => new[] { person[1], person[2], person[7], "", "" },
        };
    });

    /// <summary>The columns of a bank's card export, as the card register reads them.</summary>
    public static readonly string[] CardHeader = ["姓名", "身份证号码", "社保卡银行卡号", "合作银行", "村(社区)", "卡片状态", "存放地点"];

    /// <summary>
    /// A bank export of the same people: by tens (per village), six activated, one issued, one dormant and two in
    /// stock at the village, the two demo banks taking turns.
    /// </summary>
    public static IEnumerable<string[]> CardRows(int count, IReadOnlyList<string> villages) => Enumerable.Range(0, count).Select(i =>
    {
        var person = Row(i, villages);
        var round = i / villages.Count;
        var state = (round % 10) switch { < 6 => "已激活", 6 => "已发放", 7 => "睡眠卡", _ => "库存" };
        return new[] { person[1], person[2], person[3], round % 2 == 0 ? "农业银行" : "邮政银行", person[7], state, "村" };
    });

    /// <summary>
    /// Birth dates over 55 years and a 3-digit sequence from 001, as issued: unique for twenty million rows. (With
    /// sequence 000, one number in eleven would end in 0000, the shape Excel leaves on a cut number.)
    /// </summary>
    public static string IdNumberFor(int i)
    {
        var birth = new DateOnly(1940, 1, 1).AddDays(i % 20_000);
        var first17 = "430621" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (i / 20_000 % 999 + 1).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public static string CardFor(int i)
    {
        var first18 = "622848" + i.ToString("D12", CultureInfo.InvariantCulture);
        for (var d = '0'; d <= '9'; d++)
        {
            if (BankCardNumber.PassesLuhn(first18 + d))
            {
                return first18 + d;
            }
        }
        throw new InvalidOperationException("unreachable: one check digit always fits");
    }

    public static void WriteXlsx(Stream stream, IEnumerable<string[]> rows, string[]? header = null)
    {
        header ??= Header;
        var h = header;
        MiniExcel.SaveAs(stream, rows.Select(r =>
        {
            var d = new Dictionary<string, object?>(h.Length);
            for (var c = 0; c < h.Length; c++)
            {
                d[h[c]] = c < r.Length ? r[c] : null;
            }
            return d;
        }), excelType: ExcelType.XLSX);
    }

    public static void WriteCsv(Stream stream, IEnumerable<string[]> rows, Encoding encoding, string[]? header = null)
    {
        using var writer = new StreamWriter(stream, encoding, leaveOpen: true);
        foreach (var r in new[] { header ?? Header }.Concat(rows))
        {
            writer.Write(string.Join(",", r.Select(Quote)));
            writer.Write("\r\n");
        }
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
