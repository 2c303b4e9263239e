using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.People;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>
/// Enters a bank or card-system export into a town's card register, with the rules and the error report of
/// the task import: each row checked (name, ID number, card number, bank, village of this town, state), the
/// good rows stored in one transaction with their first event, or none. A card already registered to the
/// same holder is skipped, so a corrected file can be imported again.
/// </summary>
public sealed class CardImporter(AppDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public static readonly IReadOnlyList<TaskColumn> Required = [TaskColumn.Name, TaskColumn.IdNumber, TaskColumn.BankCard, TaskColumn.Bank, TaskColumn.Village];

    private const int ProgressEvery = 500;

    /// <summary>
    /// Runs an import recorded as <paramref name="job"/> (added to the database here if it is new): Running while
    /// it reads, then Succeeded with its counts, or Failed / Cancelled with nothing stored.
    /// </summary>
    public async Task RunAsync(CardImport job, Stream file, Action<ImportProgress>? progress, CancellationToken ct)
    {
        if (db.Entry(job).State == EntityState.Detached)
        {
            db.CardImports.Add(job);
        }
        var refused = new RefusedRows();
        try
        {
            job.Status = ImportStatus.Running;
            await db.SaveChangesAsync(ct);
            var town = await db.OrgUnits.SingleAsync(u => u.Id == job.TownId, ct);
            var (userId, responsible) = (job.UserId, job.UserName);
            var source = TaskFile.Open(file, job.FileName, Required);
            var lookup = await Lookup.LoadAsync(db, town, ct);
            var accepted = new List<Card>();
            var undecided = new Dictionary<Card, (SourceRow Row, IReadOnlyList<TaskColumn> CutShaped)>(); // cut-shaped numbers, decided once the file is read
            var where = new Dictionary<Card, string>(); // each accepted card's row, for the notes on cards to check
            var firstLine = new Dictionary<UInt128, string>();
            var holderBankLine = new Dictionary<(UInt128, int), string>();
            var today = (await db.CountyClockAsync(town.TenantId, clock, ct)).Today;
            var now = clock.GetUtcNow().UtcDateTime;
            var digits = new DigitLoss();
            var read = 0;
            foreach (var row in source.Rows())
            {
                read++;
                var errors = new List<CellError>();
                var card = Validate(row, lookup, today, digits, errors, out var state, out var custody, out var person);
                if (card is not null)
                {
                    var cardKey = BinaryPrimitives.ReadUInt128BigEndian(card.CardNumberHash);
                    var holderKey = (BinaryPrimitives.ReadUInt128BigEndian(card.IdNumberHash), card.BankId);
                    if (firstLine.TryGetValue(cardKey, out var first))
                    {
                        errors.Add(new(TaskColumn.BankCard, $"与{first}的卡号重复。"));
                    }
                    else if (lookup.CardHolders.TryGetValue(cardKey, out var holder))
                    {
                        if (holder == BinaryPrimitives.ReadUInt128BigEndian(card.IdNumberHash))
                        {
                            job.AlreadyPresent++; // registered before: importing it again changes nothing
                            continue;
                        }
                        else
                        {
                            errors.Add(new(TaskColumn.BankCard, "该卡号已登记在另一持卡人名下。"));
                        }
                    }
                    else if (holderBankLine.TryGetValue(holderKey, out var other))
                    {
                        errors.Add(new(TaskColumn.Bank, $"同一持卡人在同一银行只能有一张在用的卡:与{other}重复。"));
                    }
                    else if (lookup.HolderBankCards.TryGetValue(holderKey, out var masked))
                    {
                        errors.Add(new(TaskColumn.Bank, $"该持卡人在{lookup.BankNames[card.BankId]}已有在用的卡({masked}),请先注销旧卡再登记新卡。"));
                    }
                    if (errors.Count == 0)
                    {
                        firstLine[cardKey] = row.Where;
                        holderBankLine[holderKey] = row.Where;
                        Card.Register(card, state, custody, userId, responsible, now);
                        accepted.Add(card);
                        if (person!.CutShaped.Count > 0)
                        {
                            undecided[card] = (row, person.CutShaped);
                        }
                        where[card] = row.Where;
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
            refused.EndOfFile(source, read, "卡", digits, undecided, accepted);
            job.Flagged = accepted.Count(c => c.ImportFlags is not null);
            job.Rejected = refused.Count;
            job.ErrorReportCipher = refused.Report(source, protector);
            var toCheck = accepted.Where(c => c.ImportFlags is not null).Take(100)
                .Select(c => $"{where[c]}需核对({c.CardNumberMasked}):{c.ImportFlags}");
            job.Notes = string.Join("\n", source.Notes(refused.Detailed, refused.Count).Concat(toCheck));
            job.RowsRead = read;
            job.RowsAccepted = accepted.Count;
            progress?.Invoke(new(read, accepted.Count, 0));
            // One transaction: every card and its first event, with the record of the import.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await RunImport.HoldAsync(db, job, ct))
            {
                throw new ImportTakenOverException();
            }
            // The cards first (each gets its key back), then their events: one bulk write at a time on the connection.
            using (var cards = new PreparedInsert<Card>(db, returnKey: true))
            {
                var stored = 0;
                foreach (var card in accepted)
                {
                    card.Id = cards.Insert(card);
                    if (++stored % ProgressEvery == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        progress?.Invoke(new(read, accepted.Count, stored));
                    }
                }
            }
            using (var events = new PreparedInsert<CardEvent>(db))
            {
                foreach (var e in accepted.SelectMany(card => card.Events.Select(e => (Card: card, Event: e))))
                {
                    e.Event.CardId = e.Card.Id;
                    events.Insert(e.Event);
                }
            }
            job.Imported = job.RowsStored = accepted.Count;
            job.Status = ImportStatus.Succeeded;
            job.Message = null;
            job.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await ImportFiles.DeleteAsync(db, job.Id, ct); // with the outcome: a finished job never keeps its file
            await tx.CommitAsync(ct);
        }
        catch (ImportTakenOverException)
        {
            db.ChangeTracker.Clear(); // the node that took it over records the outcome
        }
        catch (Exception e) when (RunImport.StopOf(e) is { } stop)
        {
            await RunImport.RecordStopAsync(db, job, stop.Status, stop.Message, refused, clock);
        }
    }

    private Card? Validate(SourceRow row, Lookup lookup, DateOnly today, DigitLoss digits, List<CellError> errors, out CardState state, out Custody custody, out PersonCells person)
    {
        (state, custody) = (CardState.InStock, default);
        person = PersonCells.Check(row, digits, today, errors);
        var (socialCard, socialCardError) = SocialCardNumber.Check(row.Get(TaskColumn.SocialCardNumber));
        if (socialCardError is not null)
        {
            errors.Add(new(TaskColumn.SocialCardNumber, socialCardError));
        }
        var bankName = row.Get(TaskColumn.Bank);
        var bankId = lookup.Bank(bankName);
        if (bankId is null)
        {
            errors.Add(new(TaskColumn.Bank, bankName.Length == 0 ? "合作银行不能为空。" : $"“{bankName}”不是本县登记的合作银行({string.Join("、", lookup.BankNames.Values)})。"));
        }
        var (villageId, villageError) = lookup.Village(row.Get(TaskColumn.Village));
        if (villageError is not null)
        {
            errors.Add(new(TaskColumn.Village, villageError));
        }
        var stateText = row.Get(TaskColumn.CardState);
        if (stateText switch
        {
            "" or "库存" or "库存卡" or "在库" or "未发放" => CardState.InStock,
            "已发放" or "发放" or "已领取" => CardState.Issued,
            "已激活" or "激活" => CardState.Activated,
            "睡眠卡" or "睡眠" or "未激活" => CardState.Dormant,
            _ => (CardState?)null,
        } is { } s)
        {
            state = s;
        }
        else
        {
            errors.Add(new(TaskColumn.CardState, "卡片状态只能是:库存、已发放、已激活、睡眠卡(空白按库存)。"));
        }
        var place = row.Get(TaskColumn.Custody);
        if (state is CardState.Issued or CardState.Activated)
        {
            custody = Custody.WithHolder;
        }
        else if (place is "" or "村" or "村(社区)" or "村委会" or "社区")
        {
            custody = Custody.AtVillage(villageId);
        }
        else if (place is "镇" or "镇中心" or "乡镇" or "镇社会事业综合服务中心")
        {
            custody = Custody.AtTown(lookup.TownId);
        }
        else if (place is "银行" or "网点" or "银行网点" && bankId is { } b)
        {
            custody = Custody.AtBank(b);
        }
        else
        {
            errors.Add(new(TaskColumn.Custody, "存放地点只能是:村、镇、银行(空白按村)。"));
        }
        if (errors.Count > 0)
        {
            return null;
        }
        var (id, number) = (person.Id.Value!, person.Card!.Value!);
        return new Card
        {
            TenantId = lookup.TenantId, HolderName = person.Name!, VillageId = villageId, BankId = bankId!.Value,
            IdNumberCipher = protector.Protect(id, Purposes.IdNumber), IdNumberHash = protector.Hash(id, Purposes.IdNumber),
            IdNumberMasked = Mask.IdNumber(id),
            CardNumberCipher = protector.Protect(number, Purposes.BankCard), CardNumberHash = protector.Hash(number, Purposes.BankCard),
            CardNumberMasked = Mask.BankCard(number),
            SocialCardNumber = socialCard,
            ImportFlags = person.Flags.Count == 0 ? null : Truncate(string.Join(";", person.Flags), Card.MaxText),
        };
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    /// <summary>What rows are checked against: the town's villages and aliases, the county's banks, the cards already registered.</summary>
    private sealed class Lookup
    {
        public int TenantId { get; private init; }
        public int TownId { get; private init; }
        private VillageNames Names { get; init; } = null!;
        public Dictionary<int, string> BankNames { get; private init; } = [];
        public Dictionary<UInt128, UInt128> CardHolders { get; } = [];
        public Dictionary<(UInt128, int), string> HolderBankCards { get; } = [];

        public static async Task<Lookup> LoadAsync(AppDbContext db, OrgUnit town, CancellationToken ct)
        {
            var lookup = new Lookup
            {
                TenantId = town.TenantId, TownId = town.Id, Names = await VillageNames.LoadAsync(db, town, ct),
                BankNames = await db.Banks.ToDictionaryAsync(b => b.Id, b => b.Name, ct),
            };
            await foreach (var c in db.Cards.Select(c => new { c.CardNumberHash, c.IdNumberHash, c.BankId, c.State, c.CardNumberMasked }).AsAsyncEnumerable().WithCancellation(ct))
            {
                var holder = BinaryPrimitives.ReadUInt128BigEndian(c.IdNumberHash);
                lookup.CardHolders[BinaryPrimitives.ReadUInt128BigEndian(c.CardNumberHash)] = holder;
                if (c.State != CardState.Cancelled)
                {
                    lookup.HolderBankCards[(holder, c.BankId)] = c.CardNumberMasked;
                }
            }
            return lookup;
        }

        /// <summary>By exact name, or a bank whose registered name is contained in the export's ("中国农业银行" → 农业银行).</summary>
        public int? Bank(string name) =>
            name.Length == 0 ? null
            : BankNames.FirstOrDefault(b => b.Value == name).Key is var exact and > 0 ? exact
            : BankNames.Where(b => name.Contains(b.Value, StringComparison.Ordinal)).Select(b => (int?)b.Key).FirstOrDefault();

        public (int Id, string? Error) Village(string name) => Names.Resolve(name);
    }
}
