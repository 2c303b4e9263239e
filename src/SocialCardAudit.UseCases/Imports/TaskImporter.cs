using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.People;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.UseCases.Imports;

public readonly record struct ImportProgress(int Read, int Accepted, int Stored);

/// <summary>
/// Imports one task list into a campaign: every row is checked with the Domain rules; then all accepted
/// rows, and the resident groups first seen in them, are stored in one transaction, or nothing is.
/// A row already in the campaign with the same name is skipped, so a corrected file can be imported again.
/// </summary>
public sealed class TaskImporter(AppDbContext db, PersonalDataProtector protector, TimeProvider clock, ILogger<TaskImporter> log)
{
    private const int ProgressEvery = 500;
    private const int StoreChunk = 2000;

    private readonly RefusedRows _refused = new();

    /// <summary>The refused rows with their details, the first <see cref="RefusedRows.DetailedRows"/> of them.</summary>
    public List<RejectedRow> Rejected => _refused.Detailed;

    /// <summary>All refused rows.</summary>
    public int RejectedCount => _refused.Count;

    private Func<IReadOnlyList<RejectedRow>, byte[]>? _report;

    private static readonly SemaphoreSlim StoreTurn = new(1, 1);

    public async Task RunAsync(TaskImport job, Stream file, Action<ImportProgress>? progress, CancellationToken ct)
    {
        try
        {
            job.Status = ImportStatus.Running;
            await db.SaveChangesAsync(ct);
            var campaign = await db.Campaigns.Include(c => c.Villages).SingleAsync(c => c.Id == job.CampaignId, ct);
            campaign.EnsureOpen();
            var taskFile = TaskFile.Open(file, job.FileName);
            _report = rejected => ErrorReport.Build(taskFile, rejected, RejectedCount);
            var lookup = await Lookup.LoadAsync(db, campaign, ct);
            var today = (await db.CountyClockAsync(campaign.TenantId, clock, ct)).Today;
            var digits = new DigitLoss();

            using var accepted = new AcceptedRows();
            // Resident groups first seen in this file, with how many accepted rows name them.
            var newGroups = new Dictionary<(int VillageId, string Name), int>();
            // Where each ID number was first seen, as sheet and line: the text is made only for a duplicate's message.
            var firstLineOf = new Dictionary<UInt128, (DataSheet Sheet, int Line)>();
            var read = 0;
            foreach (var row in taskFile.Rows())
            {
                read++;
                var (candidate, errors) = Validate(row, lookup, today, digits);
                if (candidate is not null)
                {
                    if (firstLineOf.TryGetValue(candidate.HashKey, out var first))
                    {
                        errors.Add(new(TaskColumn.IdNumber, $"与{first.Sheet.Where(first.Line)}的身份证号码重复。"));
                    }
                    else if (lookup.Existing.TryGetValue(candidate.HashKey, out var existing))
                    {
                        if (existing.Name == candidate.Name)
                        {
                            job.AlreadyPresent++; // imported before: importing the same person again changes nothing
                        }
                        else
                        {
                            errors.Add(new(TaskColumn.IdNumber,
                                $"该身份证号码已在本次清查中(第 {existing.ImportId} 批导入{(existing.SourceNumber is { } n ? $",序号 {n}" : "")},姓名“{existing.Name}”),与本行姓名不符。"));
                        }
                        firstLineOf[candidate.HashKey] = (row.Sheet, row.Line);
                    }
                    else
                    {
                        firstLineOf[candidate.HashKey] = (row.Sheet, row.Line);
                        accepted.Add(candidate);
                        if (candidate is { GroupName: { } groupName, GroupId: null })
                        {
                            newGroups[(candidate.VillageId, groupName)] = newGroups.GetValueOrDefault((candidate.VillageId, groupName)) + 1;
                        }
                    }
                }
                if (errors.Count > 0)
                {
                    _refused.Add(new RejectedRow(row, errors));
                }
                _refused.StopIfMostlyWrong(read);
                if (read % ProgressEvery == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Invoke(new(read, accepted.Count, 0));
                }
            }
            if (read == 0)
            {
                throw new TaskFileException(taskFile.IgnoredCount > 0
                    ? $"表头下面没有可导入的人:{taskFile.IgnoredCount} 行都是合计、落款、说明或模板示例行。"
                    : "表头下面没有数据行。");
            }
            // Numbers Excel cut: a column saved as numbers refuses the file; a cut-shaped number beside cut ones, its row.
            digits.ThrowIfColumnSavedAsNumbers();
            accepted.Decide(c =>
            {
                var errors = digits.Recheck(c.CutShaped);
                if (errors.Count > 0)
                {
                    _refused.Add(new RejectedRow(c.Row!, errors));
                    if (c is { GroupName: { } groupName, GroupId: null })
                    {
                        newGroups[(c.VillageId, groupName)]--;
                    }
                }
                return errors.Count > 0;
            });
            job.Notes = string.Join("\n", taskFile.Notes(Rejected, RejectedCount));
            job.RowsRead = read;
            job.RowsAccepted = accepted.Count;
            progress?.Invoke(new(read, accepted.Count, 0));

            // Reading and checking run side by side for different counties; storing takes turns, so one long
            // transaction never makes another import wait on a locked database file until it gives up.
            await StoreTurn.WaitAsync(ct);
            try
            {
                await StoreAsync(job, campaign, lookup, accepted, newGroups.Where(g => g.Value > 0).Select(g => g.Key).ToList(), read, progress, ct);
            }
            finally
            {
                StoreTurn.Release();
            }
        }
        catch (ImportTakenOverException)
        {
            db.ChangeTracker.Clear(); // the node that took it over records the outcome
        }
        catch (Exception e) when (e is TaskFileException or DomainException)
        {
            await FinishAsync(job, ImportStatus.Failed, e.Message);
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(job, ImportStatus.Cancelled, "导入已取消,未写入任何数据。");
        }
        catch (Exception e)
        {
            log.LogError(e, "Import {ImportId} failed", job.Id);
            await FinishAsync(job, ImportStatus.Failed, "导入失败:系统错误,未写入任何数据。请稍后重试或联系系统管理员。");
        }
    }

    private async Task StoreAsync(TaskImport job, Campaign campaign, Lookup lookup, AcceptedRows accepted, List<(int VillageId, string Name)> groupsToMake,
        int read, Action<ImportProgress>? progress, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await RunImport.HoldAsync(db, job, ct))
        {
            throw new ImportTakenOverException();
        }

        // Resident groups first seen in this file become units of their village.
        var newGroups = new Dictionary<(int, string), OrgUnit>();
        foreach (var (villageId, name) in groupsToMake)
        {
            var group = lookup.Villages[villageId].AddChild(name, lookup.GroupsOf(villageId));
            lookup.GroupsOf(villageId).Add(group);
            newGroups[(villageId, name)] = group;
            db.OrgUnits.Add(group);
        }
        await db.SaveChangesAsync(ct);

        var stored = 0;
        var flagged = 0;
        using (var writer = new PreparedInsert<TaskRow>(db))
        {
            foreach (var c in accepted.Read())
            {
                var row = new TaskRow
                {
                    TenantId = campaign.TenantId,
                    CampaignId = campaign.Id,
                    VillageId = c.VillageId,
                    ResidentGroupId = c.GroupId ?? (c.GroupName is null ? null : newGroups[(c.VillageId, c.GroupName)].Id),
                    ImportId = job.Id,
                    SourceNumber = c.SourceNumber,
                    Name = c.Name,
                    IdNumberCipher = protector.Protect(c.IdNumber, Purposes.IdNumber),
                    IdNumberHash = HashBytes(c.HashKey),
                    IdNumberMasked = Mask.IdNumber(c.IdNumber),
                    BankCardCipher = protector.Protect(c.BankCard, Purposes.BankCard),
                    BankCardMasked = Mask.BankCard(c.BankCard),
                    Address = c.Address,
                    Phone = c.Phone,
                    ImportFlags = c.Flags,
                };
                if (row.ImportFlags is not null)
                {
                    flagged++;
                }
                writer.Insert(row);
                if (++stored % StoreChunk == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Invoke(new(read, accepted.Count, stored));
                }
            }
        }
        progress?.Invoke(new(read, accepted.Count, stored));

        // Flags become suspicious issues, so the verifier's list and the town's queue show them with the others.
        foreach (var flaggedRow in await db.TaskRows.Where(r => r.ImportId == job.Id && r.ImportFlags != null)
                     .Select(r => new { r.Id, r.VillageId, r.ImportFlags }).ToListAsync(ct))
        {
            db.SuspiciousIssues.Add(new SuspiciousIssue
            {
                TenantId = campaign.TenantId, TaskRowId = flaggedRow.Id, CampaignId = campaign.Id, VillageId = flaggedRow.VillageId,
                Source = IssueSource.Import, Reason = "导入校验", Details = flaggedRow.ImportFlags, RaisedById = job.UserId,
                RaisedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        job.RowsStored = job.Imported = stored;
        job.Flagged = flagged;
        job.Rejected = RejectedCount;
        job.ErrorReportCipher = RejectedCount == 0 ? null
            : protector.Protect(_report!(Rejected), Purposes.ErrorReport);
        job.Status = ImportStatus.Succeeded;
        job.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        job.Message = null;
        db.TaskImports.Update(job);
        await db.SaveChangesAsync(ct);
        await ImportFiles.DeleteAsync(db, job.Id, ct); // with the outcome: a finished job never keeps its file
        await tx.CommitAsync(ct);
    }

    /// <summary>Records a run that stored nothing. Whatever the failed transaction left in the tracker is dropped.</summary>
    private async Task FinishAsync(TaskImport job, ImportStatus status, string message)
    {
        db.ChangeTracker.Clear();
        job.Status = status;
        job.Message = message.Length <= 1000 ? message : message[..999] + "…";
        job.RowsStored = job.Imported = job.Flagged = 0;
        job.Rejected = RejectedCount;
        job.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        job.ErrorReportCipher = status == ImportStatus.Failed && Rejected.Count > 0 && _report is not null
            ? protector.Protect(_report!(Rejected), Purposes.ErrorReport)
            : null;
        await RunImport.RecordStopAsync(db, job);
    }

    private (AcceptedRow?, List<CellError>) Validate(SourceRow row, Lookup lookup, DateOnly today, DigitLoss digits)
    {
        var errors = new List<CellError>();
        var person = PersonCells.Check(row, digits, today, errors);
        var flags = person.Flags;

        var phone = PhoneNumber.Normalize(row.Get(TaskColumn.Phone));
        if (phone.Length > TaskRowLimits.Phone)
        {
            errors.Add(new(TaskColumn.Phone, $"联系电话过长(超过 {TaskRowLimits.Phone} 个字符)。"));
        }
        else if (phone.Length > 0 && !PhoneNumber.IsValid(phone))
        {
            flags.Add("联系电话格式不正确,请入户核对");
        }

        var address = row.Get(TaskColumn.Address);
        if (address.Length > TaskRowLimits.Address)
        {
            errors.Add(new(TaskColumn.Address, $"户口地址超过 {TaskRowLimits.Address} 个字({address.Length} 个字)。"));
        }
        else if (address.AsSpan().IndexOfAny("?？\uFFFD") >= 0)
        {
            flags.Add("户口地址中有“?”,文件可能丢失了生僻字,请入户核对");
        }

        var (villageId, villageError) = lookup.ResolveVillage(row.Get(TaskColumn.Village), row.Get(TaskColumn.Town));
        if (villageError is not null)
        {
            errors.Add(new(TaskColumn.Village, villageError));
        }
        else if (lookup.Signed.TryGetValue(villageId, out var state))
        {
            // A signed village's list of people is what was signed: nobody is added behind the signatures.
            errors.Add(new(TaskColumn.Village, $"村(社区)“{lookup.Villages[villageId].Name}”{SignedNote(state)}"));
        }

        var groupName = row.Get(TaskColumn.ResidentGroup);
        if (groupName.Length > TaskRowLimits.ResidentGroup)
        {
            errors.Add(new(TaskColumn.ResidentGroup, $"居民小组名称超过 {TaskRowLimits.ResidentGroup} 个字。"));
        }

        var numberText = row.Get(TaskColumn.Number);
        int? number = int.TryParse(numberText, out var n) ? n : null;

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var hash = protector.Hash(person.Id.Value!, Purposes.IdNumber);
        return (new AcceptedRow
        {
            CutShaped = person.CutShaped,
            Row = person.CutShaped.Count > 0 ? row : null, // kept only while its numbers are still to be decided
            Name = person.Name!,
            IdNumber = person.Id.Value!,
            HashKey = BinaryPrimitives.ReadUInt128BigEndian(hash),
            BankCard = person.Card!.Value!,
            Address = address.Length == 0 ? null : address,
            Phone = phone.Length == 0 ? null : phone,
            VillageId = villageId,
            GroupName = groupName.Length == 0 ? null : groupName,
            GroupId = groupName.Length == 0 ? null : lookup.GroupId(villageId, groupName),
            SourceNumber = number,
            Flags = flags.Count == 0 ? null : string.Join(";", flags),
        }, errors);
    }

    private static string SignedNote(SubmissionState state) => state == SubmissionState.Approved
        ? "的分类统计表已经镇审核签字,不能再加入人员。请先由镇社会事业综合服务中心重新打开该村,再导入本行。"
        : "的分类统计表已签字提交,不能再加入人员。请先由镇社会事业综合服务中心退回该村,再导入本行。";

    private static byte[] HashBytes(UInt128 key)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        return bytes;
    }

    private sealed record ExistingRow(string Name, long ImportId, int? SourceNumber);

    /// <summary>
    /// What rows are checked against: the villages the campaign may take (its town's, or the whole county's for a
    /// county campaign) by name, their groups, the campaign's rows.
    /// </summary>
    private sealed class Lookup
    {
        public required Campaign Campaign { get; init; }
        public required VillageNames Names { get; init; }
        public required Dictionary<int, List<OrgUnit>> Groups { get; init; }
        public required Dictionary<UInt128, ExistingRow> Existing { get; init; }

        /// <summary>The villages whose statistics are submitted or approved, with that state.</summary>
        public required Dictionary<int, SubmissionState> Signed { get; init; }

        public Dictionary<int, OrgUnit> Villages => Names.Villages;

        public static async Task<Lookup> LoadAsync(AppDbContext db, Campaign campaign, CancellationToken ct)
        {
            var town = campaign.TownId is { } id ? await db.OrgUnits.SingleAsync(u => u.Id == id, ct) : null;
            var names = await VillageNames.LoadAsync(db, town, ct);
            var villageIds = names.Villages.Keys.ToList();
            var groups = (await db.OrgUnits.Where(u => u.ParentId != null && villageIds.Contains(u.ParentId.Value)).ToListAsync(ct))
                .GroupBy(g => g.ParentId!.Value).ToDictionary(g => g.Key, g => g.ToList());
            var existing = new Dictionary<UInt128, ExistingRow>();
            await foreach (var r in db.TaskRows.Where(r => r.CampaignId == campaign.Id)
                               .Select(r => new { r.IdNumberHash, r.Name, r.ImportId, r.SourceNumber }).AsAsyncEnumerable().WithCancellation(ct))
            {
                existing[BinaryPrimitives.ReadUInt128BigEndian(r.IdNumberHash)] = new ExistingRow(r.Name, r.ImportId, r.SourceNumber);
            }
            var signed = await db.VillageSubmissions
                .Where(v => v.CampaignId == campaign.Id && (v.State == SubmissionState.Submitted || v.State == SubmissionState.Approved))
                .ToDictionaryAsync(v => v.VillageId, v => v.State, ct);
            return new Lookup { Campaign = campaign, Names = names, Groups = groups, Existing = existing, Signed = signed };
        }

        /// <param name="town">The file's 乡镇(街道) column, when it has one.</param>
        public (int Id, string? Error) ResolveVillage(string name, string town)
        {
            var (id, error) = Names.Resolve(name, town);
            return error is null && !Campaign.Covers(id) ? (0, $"村(社区)“{name.Trim()}”不在本次清查范围内。") : (id, error);
        }

        public List<OrgUnit> GroupsOf(int villageId) =>
            Groups.TryGetValue(villageId, out var list) ? list : Groups[villageId] = [];

        public int? GroupId(int villageId, string name) =>
            GroupsOf(villageId).FirstOrDefault(g => g.Name == name && g.Id != 0)?.Id;
    }
}
