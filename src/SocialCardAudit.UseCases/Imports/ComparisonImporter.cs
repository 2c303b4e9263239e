using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.People;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>
/// Enters a comparison list (数据比对名单: the people without a card) into an issuance campaign, with the readers,
/// rules and error report of the other imports. Each person is classified 已制卡, 制卡失败 or 无制卡信息, from the
/// list's own column or, where it has none, by the county's card register; a class the register contradicts is
/// refused, never stored. A person already in the campaign is skipped, so a corrected list can be imported again.
/// </summary>
public sealed class ComparisonImporter(AppDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public static readonly IReadOnlyList<TaskColumn> Required = [TaskColumn.Name, TaskColumn.IdNumber, TaskColumn.Village];

    private const int ProgressEvery = 1000;

    public async Task RunAsync(ComparisonImport job, Stream file, Action<ImportProgress>? progress, CancellationToken ct)
    {
        if (db.Entry(job).State == EntityState.Detached)
        {
            db.ComparisonImports.Add(job);
        }
        var refused = new RefusedRows();
        try
        {
            job.Status = ImportStatus.Running;
            await db.SaveChangesAsync(ct);
            var campaign = await db.Campaigns.Include(c => c.Villages).SingleAsync(c => c.Id == job.CampaignId, ct);
            var source = TaskFile.Open(file, job.FileName, Required);
            var lookup = await Lookup.LoadAsync(db, campaign, ct);
            var today = (await db.CountyClockAsync(campaign.TenantId, clock, ct)).Today;
            var now = clock.GetUtcNow().UtcDateTime;
            var accepted = new List<IssuanceCase>();
            var undecided = new Dictionary<IssuanceCase, (SourceRow Row, IReadOnlyList<TaskColumn> CutShaped)>();
            var firstLine = new Dictionary<UInt128, string>();
            var digits = new DigitLoss();
            var read = 0;
            foreach (var row in source.Rows())
            {
                read++;
                var errors = new List<CellError>();
                var person = PersonCells.Check(row, digits, today, errors, withCard: false);
                var (villageId, villageError) = lookup.ResolveVillage(row.Get(TaskColumn.Village), row.Get(TaskColumn.Town));
                if (villageError is not null)
                {
                    errors.Add(new(TaskColumn.Village, villageError));
                }
                var unit = row.Get(TaskColumn.ApplyingUnit).Trim();
                if (unit.Length > 100)
                {
                    errors.Add(new(TaskColumn.ApplyingUnit, "申领单位名称不能超过 100 字。"));
                }
                if (errors.Count == 0)
                {
                    var id = person.Id.Value!;
                    var hash = protector.Hash(id, Purposes.IdNumber);
                    var key = BinaryPrimitives.ReadUInt128BigEndian(hash);
                    if (lookup.Existing.Contains(key))
                    {
                        job.AlreadyPresent++; // imported before: importing it again changes nothing
                        continue;
                    }
                    if (firstLine.TryGetValue(key, out var first))
                    {
                        errors.Add(new(TaskColumn.IdNumber, $"与{first}的身份证号码重复。"));
                    }
                    else if (Classify(row, lookup.CardsOf(key), errors) is var (comparison, note, cardId))
                    {
                        var c = new IssuanceCase
                        {
                            TenantId = campaign.TenantId, CampaignId = campaign.Id, VillageId = villageId, Name = person.Name!,
                            IdNumberCipher = protector.Protect(id, Purposes.IdNumber), IdNumberHash = hash, IdNumberMasked = Mask.IdNumber(id),
                            Comparison = comparison, ComparisonNote = note, ApplyingUnit = unit.Length == 0 ? null : unit, ComparedAtUtc = now,
                        };
                        if (cardId is { } card)
                        {
                            c.Found(card, now); // 已制卡: the register's card is issued as it is
                        }
                        firstLine[key] = row.Where;
                        accepted.Add(c);
                        if (person.CutShaped.Count > 0)
                        {
                            undecided[c] = (row, person.CutShaped);
                        }
                    }
                }
                if (errors.Count > 0)
                {
                    refused.Add(new RejectedRow(row, errors));
                }
                refused.StopIfMostlyWrong(read);
                if (read % ProgressEvery == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Invoke(new(read, accepted.Count, 0));
                }
            }
            refused.EndOfFile(source, read, "人员", digits, undecided, accepted);
            job.Rejected = refused.Count;
            job.ErrorReportCipher = refused.Report(source, protector);
            job.Notes = string.Join("\n", source.Notes(refused.Detailed, refused.Count));
            (job.RowsRead, job.RowsAccepted) = (read, accepted.Count);
            progress?.Invoke(new(read, accepted.Count, 0));

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await RunImport.HoldAsync(db, job, ct))
            {
                throw new ImportTakenOverException();
            }
            using (var cases = new PreparedInsert<IssuanceCase>(db))
            {
                var stored = 0;
                foreach (var c in accepted)
                {
                    cases.Insert(c);
                    if (++stored % ProgressEvery == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        progress?.Invoke(new(read, accepted.Count, stored));
                    }
                }
            }
            job.Imported = job.RowsStored = accepted.Count;
            job.Status = ImportStatus.Succeeded;
            job.Message = null;
            job.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await ImportFiles.DeleteAsync(db, job.Id, ct);
            await tx.CommitAsync(ct);
        }
        catch (ImportTakenOverException)
        {
            db.ChangeTracker.Clear();
        }
        catch (Exception e) when (RunImport.StopOf(e) is { } stop)
        {
            await RunImport.RecordStopAsync(db, job, stop.Status, stop.Message, refused, clock);
        }
    }

    /// <summary>
    /// The person's class, its note and the register's card to issue (for 已制卡), or null with the row's error:
    /// the list's word where it has one, checked against the register; the register's where it has none.
    /// </summary>
    private static (ComparisonResult, string?, long?)? Classify(SourceRow row, IReadOnlyList<RegisterCard> cards, List<CellError> errors)
    {
        var text = row.Get(TaskColumn.Comparison).Trim();
        var reason = row.Get(TaskColumn.FailureReason).Trim();
        var live = cards.Where(c => c.State != CardState.Cancelled).ToList();
        var waiting = live.FirstOrDefault(c => CardLifecycle.IsUndistributed(c.State));
        var stated = text switch
        {
            "" => live.Count > 0 ? ComparisonResult.CardMade : ComparisonResult.NoRecord,
            "已制卡" or "已制" or "制卡成功" or "有卡" => ComparisonResult.CardMade,
            "制卡失败" or "失败" => ComparisonResult.MakingFailed,
            "无制卡信息" or "无信息" or "未制卡" or "无卡" => ComparisonResult.NoRecord,
            _ => (ComparisonResult?)null,
        };
        string? Refuse(TaskColumn column, string message)
        {
            errors.Add(new(column, message));
            return null;
        }
        switch (stated)
        {
            case null:
                Refuse(TaskColumn.Comparison, "比对结果只能是:已制卡、制卡失败、无制卡信息(空白按社保卡台账比对)。");
                return null;
            case ComparisonResult.CardMade when live.Count > 0 && waiting is null:
                Refuse(TaskColumn.Comparison, $"台账中此人的卡({live[0].Masked})已是“{CardLifecycle.DisplayName(live[0].State)}”:已领卡的人员不必列入应发尽发名单。");
                return null;
            case ComparisonResult.CardMade when waiting is null:
                Refuse(TaskColumn.Comparison, "比对为“已制卡”,但本县社保卡台账中没有此人的卡:请先导入该卡的台账,或核实比对结果。");
                return null;
            case ComparisonResult.CardMade:
                return (ComparisonResult.CardMade, null, waiting!.Id);
            case var _ when live.Count > 0:
                Refuse(TaskColumn.Comparison, $"比对为“{IssuanceStages.DisplayName(stated.Value)}”,但台账中已有此人的卡({live[0].Masked}):请核实比对结果。");
                return null;
            case ComparisonResult.MakingFailed when reason.Length == 0:
                Refuse(TaskColumn.FailureReason, "比对为“制卡失败”时须写明失败原因。");
                return null;
            default:
                return (stated.Value, reason.Length == 0 ? null : reason.Length <= 200 ? reason : reason[..199] + "…", null);
        }
    }

    private sealed record RegisterCard(long Id, CardState State, string Masked);

    /// <summary>The campaign's villages by name, the people already in it, the county's cards by holder.</summary>
    private sealed class Lookup
    {
        public required Campaign Campaign { get; init; }
        public required VillageNames Names { get; init; }
        public HashSet<UInt128> Existing { get; } = [];
        private Dictionary<UInt128, List<RegisterCard>> Cards { get; } = [];

        public static async Task<Lookup> LoadAsync(AppDbContext db, Campaign campaign, CancellationToken ct)
        {
            var town = campaign.TownId is { } id ? await db.OrgUnits.SingleAsync(u => u.Id == id, ct) : null;
            var lookup = new Lookup { Campaign = campaign, Names = await VillageNames.LoadAsync(db, town, ct) };
            await foreach (var hash in db.IssuanceCases.Where(c => c.CampaignId == campaign.Id).Select(c => c.IdNumberHash).AsAsyncEnumerable().WithCancellation(ct))
            {
                lookup.Existing.Add(BinaryPrimitives.ReadUInt128BigEndian(hash));
            }
            await foreach (var c in db.Cards.Select(c => new { c.Id, c.IdNumberHash, c.State, c.CardNumberMasked }).AsAsyncEnumerable().WithCancellation(ct))
            {
                var key = BinaryPrimitives.ReadUInt128BigEndian(c.IdNumberHash);
                if (!lookup.Cards.TryGetValue(key, out var list))
                {
                    lookup.Cards[key] = list = [];
                }
                list.Add(new RegisterCard(c.Id, c.State, c.CardNumberMasked));
            }
            return lookup;
        }

        public IReadOnlyList<RegisterCard> CardsOf(UInt128 holder) => Cards.TryGetValue(holder, out var list) ? list : [];

        public (int Id, string? Error) ResolveVillage(string name, string town)
        {
            var (id, error) = Names.Resolve(name, town);
            return error is null && !Campaign.Covers(id) ? (0, $"村(社区)“{name.Trim()}”不在本次应发尽发范围内。") : (id, error);
        }
    }
}
