using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.People;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issuance;

/// <summary>The bank's answer for one person: made, with the card's bank account number; or failed, with the reason.</summary>
public sealed record MakingResult(bool Made, string? BankCard, string? SocialCardNumber, string? Reason, string? Note);

/// <summary>
/// The card-making centre's results, for one person (entered at the branch, or for 即时制卡) or for a whole batch
/// (the bank's results file). A made card enters the card register in stock at the making bank, with its first
/// event, so issuing and activation are the register's own; a failure goes back to the village with its reason.
/// A results file is taken whole or not at all: every refused row is named.
/// </summary>
public sealed class RecordMakingResult(AppDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public static readonly IReadOnlyList<TaskColumn> Required = [TaskColumn.Name, TaskColumn.IdNumber, TaskColumn.MakingResult];

    public async Task<Result> OneAsync(Actor actor, long caseId, MakingResult result, CancellationToken ct)
    {
        var batch = await BatchOfAsync(caseId, ct);
        return await CaseActs.OnCaseAsync(db, actor, caseId, (scope, village) => Access.Access.CanMakeCards(scope, village.ParentId!.Value),
            async loaded =>
            {
                loaded.Case.EnsureAwaitingResult();
                await ApplyAsync(loaded.Case, batch!, result, actor, ct);
                return result.Made ? $"已登记:{loaded.Case.Name}的卡已制成,入社保卡台账(存放于制卡银行),可以发放。"
                    : $"已登记:{loaded.Case.Name}制卡失败({loaded.Case.FailureReason}),已退回村(社区)补正后重新核查。";
            }, ct);
    }

    /// <summary>The bank's results file for a batch: 姓名, 身份证号码, 制卡结果 (成功/失败), 银行卡号, 社保卡号, 失败原因.</summary>
    public async Task<Result> FileAsync(Actor actor, long batchId, string? fileName, Stream? file, CancellationToken ct)
    {
        var batch = await db.IssuanceBatches.SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return Result.NotFound;
        }
        if (!Access.Access.CanMakeCards(actor.Scope, batch.TownId))
        {
            return Result.Denied;
        }
        if (file is null || file.Length == 0)
        {
            return Result.Refused($"请选择银行返回的制卡结果文件({TaskFile.Formats})。");
        }
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == batch.CampaignId, ct);
        var cases = await db.IssuanceCases.Where(c => c.BatchId == batchId && c.Stage == IssuanceStage.InBatch).ToListAsync(ct);
        var byHash = cases.ToDictionary(c => Convert.ToHexString(c.IdNumberHash));
        var today = (await db.CountyClockAsync(batch.TenantId, clock, ct)).Today;
        var errors = new List<string>();
        var results = new List<(IssuanceCase Case, MakingResult Result, string Where)>();
        try
        {
            campaign.EnsureOpen();
            var source = TaskFile.Open(file, fileName ?? "results", Required);
            var seen = new HashSet<long>();
            foreach (var row in source.Rows())
            {
                var id = IdNumber.Check(row.Get(TaskColumn.IdNumber), today);
                if (!id.IsValid)
                {
                    errors.Add($"{row.Where}:{id.Error}");
                    continue;
                }
                if (!byHash.TryGetValue(Convert.ToHexString(protector.Hash(id.Value!, Purposes.IdNumber)), out var c))
                {
                    errors.Add($"{row.Where}:{Mask.IdNumber(id.Value!)}不是本批次待制卡的人员(或已登记过结果)。");
                    continue;
                }
                if (!seen.Add(c.Id))
                {
                    errors.Add($"{row.Where}:{c.Name}在文件中重复。");
                    continue;
                }
                var outcome = row.Get(TaskColumn.MakingResult).Trim() switch
                {
                    "成功" or "制卡成功" or "已制卡" or "是" => true,
                    "失败" or "制卡失败" or "否" => false,
                    _ => (bool?)null,
                };
                if (outcome is null)
                {
                    errors.Add($"{row.Where}:制卡结果只能是“成功”或“失败”。");
                    continue;
                }
                var reasonText = row.Get(TaskColumn.FailureReason).Trim();
                var reason = MakingFailures.Reasons.FirstOrDefault(r => r != MakingFailures.Other && reasonText.StartsWith(r, StringComparison.Ordinal));
                var note = reason is null ? reasonText : reasonText[reason.Length..].TrimStart(':', ':', ' ');
                results.Add((c, new MakingResult(outcome.Value, row.Get(TaskColumn.BankCard), row.Get(TaskColumn.SocialCardNumber),
                    reasonText.Length == 0 ? null : reason ?? MakingFailures.Other, note), row.Where));
            }
        }
        catch (Exception e) when (e is TaskFileException or DomainException)
        {
            return Result.Refused(e.Message);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (c, result, where) in results)
        {
            try
            {
                await ApplyAsync(c, batch, result, actor, ct);
            }
            catch (DomainException e)
            {
                errors.Add($"{where}:{e.Message}");
            }
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Result.Refused($"制卡结果未导入,{errors.Count} 处需更正:" + string.Join(" ", errors.Take(20)) + (errors.Count > 20 ? " ……" : ""));
        }
        if (results.Count == 0)
        {
            return Result.Refused("文件中没有本批次人员的制卡结果。");
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Result(Status.Conflict, "与同时进行的另一次登记冲突(如同一卡号已入台账),未导入。请刷新后重试。");
        }
        var made = results.Count(r => r.Result.Made);
        return Result.Done($"已导入第 {batch.Number} 批制卡结果:制成 {made} 人,失败 {results.Count - made} 人(已退回村(社区)补正)。"
            + (cases.Count > results.Count ? $"本批次还有 {cases.Count - results.Count} 人未返回结果。" : ""));
    }

    private Task<IssuanceBatch?> BatchOfAsync(long caseId, CancellationToken ct) =>
        db.IssuanceBatches.Where(b => db.IssuanceCases.Any(c => c.Id == caseId && c.BatchId == b.Id)).SingleOrDefaultAsync(ct);

    private async Task ApplyAsync(IssuanceCase c, IssuanceBatch batch, MakingResult result, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!result.Made)
        {
            c.Failed(result.Reason ?? "", result.Note);
            return;
        }
        c.EnsureAwaitingResult();
        var number = BankCardNumber.Check(result.BankCard);
        if (!number.IsValid || number.Warning is not null)
        {
            throw new DomainException($"{c.Name}:{number.Error ?? number.Warning}"); // a new card's number is typed from the bank's list: no doubt kept
        }
        var (social, socialError) = SocialCardNumber.Check(result.SocialCardNumber);
        if (socialError is not null)
        {
            throw new DomainException($"{c.Name}:{socialError}");
        }
        if (await db.Cards.AnyAsync(k => k.IdNumberHash == c.IdNumberHash && k.BankId == batch.BankId && k.State != CardState.Cancelled, ct))
        {
            throw new DomainException($"{c.Name}在制卡银行已有在用的社保卡,不能再登记一张:请核实后按“制卡失败(已持有金融社保卡)”登记。");
        }
        var hash = protector.Hash(number.Value!, Purposes.BankCard);
        if (await db.Cards.AnyAsync(k => k.CardNumberHash == hash, ct) || db.Cards.Local.Any(k => k.CardNumberHash.SequenceEqual(hash)))
        {
            throw new DomainException($"{c.Name}:卡号 {Mask.BankCard(number.Value!)} 已登记在社保卡台账中。");
        }
        var card = Card.Register(new Card
        {
            TenantId = c.TenantId, HolderName = c.Name, VillageId = c.VillageId, BankId = batch.BankId,
            IdNumberCipher = c.IdNumberCipher, IdNumberHash = c.IdNumberHash, IdNumberMasked = c.IdNumberMasked,
            CardNumberCipher = protector.Protect(number.Value!, Purposes.BankCard), CardNumberHash = hash, CardNumberMasked = Mask.BankCard(number.Value!),
            SocialCardNumber = social,
        }, CardState.InStock, Custody.AtBank(batch.BankId), actor.UserId, actor.Name, now);
        db.Cards.Add(card);
        await db.SaveChangesAsync(ct); // the card's id, for the case
        c.Made(card.Id, now);
    }
}
