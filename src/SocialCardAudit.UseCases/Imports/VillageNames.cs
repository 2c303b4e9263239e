using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>
/// Village names as import files write them (a name or an alias, with the town where names repeat), resolved
/// to the villages an import may take: one town's, or the whole county's. Shared by the task and card imports.
/// </summary>
public sealed class VillageNames
{
    private const int Ambiguous = -1;

    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Town, string Village), int> _byTown = [];
    private readonly HashSet<string> _elsewhere = new(StringComparer.Ordinal);

    /// <summary>The villages the import may take, by id.</summary>
    public Dictionary<int, OrgUnit> Villages { get; private init; } = [];

    /// <summary>"梅田湖镇", or "本县" for the whole county.</summary>
    public string ScopeName { get; private init; } = "";

    /// <param name="town">The town whose villages the import may take; null for every village of the county.</param>
    public static async Task<VillageNames> LoadAsync(AppDbContext db, OrgUnit? town, CancellationToken ct)
    {
        var townNames = await db.OrgUnits.Where(u => u.Level == OrgLevel.Town).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var all = await db.OrgUnits.Where(u => u.Level == OrgLevel.Village).ToListAsync(ct);
        var names = new VillageNames
        {
            Villages = all.Where(v => town is null || v.ParentId == town.Id).ToDictionary(v => v.Id),
            ScopeName = town?.Name ?? "本县",
        };
        var ids = all.Select(v => v.Id).ToList();
        var written = all.Select(v => (v.Id, v.Name)).ToList();
        // Read as columns, made a tuple here: PostgreSQL would send a tuple built in the query as one record value.
        written.AddRange((await db.VillageAliases.Where(a => ids.Contains(a.VillageId)).Select(a => new { a.VillageId, a.Alias }).ToListAsync(ct))
            .Select(a => (a.VillageId, a.Alias)));
        var townOf = all.ToDictionary(v => v.Id, v => townNames[v.ParentId!.Value]);
        foreach (var (id, name) in written)
        {
            names._byTown.TryAdd((townOf[id], name), id);
            if (!names.Villages.ContainsKey(id))
            {
                names._elsewhere.Add(name);
            }
            else if (!names._byName.TryAdd(name, id) && names._byName[name] != id)
            {
                names._byName[name] = Ambiguous; // the same name in two towns
            }
        }
        return names;
    }

    /// <summary>Spaces typed to line names up, of any width, are no part of a name.</summary>
    private static string Squeeze(string s) =>
        new(s.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>The village named by its committee, as some lists do: 三合村村委会, 三合村民委员会, 迎丰社区居委会 → 三合村, 迎丰社区.</summary>
    private static string? Committee(string name)
    {
        foreach (var (suffix, keep) in CommitteeSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = name[..^suffix.Length] + keep;
                return stem.EndsWith("村村", StringComparison.Ordinal) ? stem[..^1] : stem;
            }
        }
        return null;
    }

    private static readonly (string Suffix, string Keep)[] CommitteeSuffixes =
        [("村民委员会", "村"), ("居民委员会", ""), ("村委会", "村"), ("居委会", ""), ("委员会", "")];

    /// <param name="town">The file's 乡镇(街道) column, when it has one.</param>
    public (int Id, string? Error) Resolve(string name, string town = "")
    {
        name = Squeeze(name);
        town = Squeeze(town);
        if (!_byName.ContainsKey(name) && !_byTown.ContainsKey((town, name)) && Committee(name) is { } short_)
        {
            name = short_;
        }
        if (name.Length == 0)
        {
            return (0, "村(社区)不能为空。");
        }
        if (town.Length > 0)
        {
            return !_byTown.TryGetValue((town, name), out var inTown) ? (0, $"乡镇(街道)“{town}”没有名为“{name}”的村(社区)。")
                : Villages.ContainsKey(inTown) ? (inTown, null)
                : (0, $"村(社区)“{town}{name}”不属于{ScopeName}。");
        }
        return !_byName.TryGetValue(name, out var id)
            ? (0, _elsewhere.Contains(name)
                ? $"村(社区)“{name}”不属于{ScopeName}。"
                : $"{ScopeName}没有名为“{name}”的村(社区)。如为别名,请由系统管理员在单位管理中添加。")
            : id == Ambiguous ? (0, $"本县有多个名为“{name}”的村(社区),请在文件中加“乡镇(街道)”列。")
            : (id, null);
    }
}
