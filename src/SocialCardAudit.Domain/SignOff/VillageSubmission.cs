namespace SocialCardAudit.Domain.SignOff;

public enum SubmissionState
{
    InProgress = 1,
    Submitted = 2,
    Returned = 3,
    Approved = 4,
}

/// <summary>One step of a village's sign-off: who moved it, when, where to, and why.</summary>
public sealed class SubmissionStep : ITenantOwned
{
    /// <summary>Its parent's county, kept on the row so the tenant filter guards it too, however it is queried.</summary>
    public int TenantId { get; set; }
    public long Id { get; set; }
    public long SubmissionId { get; set; }
    public SubmissionState From { get; set; }
    public SubmissionState To { get; set; }
    public required string ById { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Reason { get; set; }

    /// <summary>For a signing step: the SHA-256 of exactly what was signed.</summary>
    public string? Digest { get; set; }

    /// <summary>For a return: the persons the town named, each with what is to be put right.</summary>
    public List<ReturnedRow> Rows { get; set; } = [];
}

/// <summary>One person named in a return: the verifier sees the reason on that row of the list.</summary>
public sealed class ReturnedRow : ITenantOwned
{
    /// <summary>Its parent's county, kept on the row so the tenant filter guards it too, however it is queried.</summary>
    public int TenantId { get; set; }
    public long Id { get; set; }
    public long StepId { get; set; }
    public long TaskRowId { get; set; }
    public required string Reason { get; set; }
}

/// <summary>
/// A village's classified statistics on their way to the town: 进行中 → 已提交 (the clerk signs) → 退回 (the
/// town returns them, rows reopen) → 已提交 … → 镇已审核 (the town signs). The town can reopen a signed
/// village, with a reason. Each method is one legal move; anything else is refused, naming the state.
/// </summary>
public sealed class VillageSubmission : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int CampaignId { get; set; }
    public int VillageId { get; set; }
    public SubmissionState State { get; private set; } = SubmissionState.InProgress;
    public List<SubmissionStep> Steps { get; private set; } = [];

    /// <summary>Findings may change only while the village is being worked on.</summary>
    public bool AllowsFindingChanges => State is SubmissionState.InProgress or SubmissionState.Returned;

    /// <summary>
    /// Why nothing of the village may change now (findings, its list of people, who verifies whom), or null while it
    /// is being worked on: signed means locked until the town returns or reopens it.
    /// </summary>
    public static string? LockReason(SubmissionState? state) => state switch
    {
        SubmissionState.Submitted => "本村(社区)的分类统计表已由村级清查责任人签字提交,核查结果、人员名单和任务分配暂不能修改。如需修改,请由镇社会事业综合服务中心退回。",
        SubmissionState.Approved => "本村(社区)的分类统计表已经镇审核签字,核查结果、人员名单和任务分配不能修改。如需修改,请由镇社会事业综合服务中心重新打开。",
        _ => null,
    };

    public static string DisplayName(SubmissionState s) => s switch
    {
        SubmissionState.InProgress => "进行中",
        SubmissionState.Submitted => "已提交",
        SubmissionState.Returned => "退回",
        SubmissionState.Approved => "镇已审核",
        _ => s.ToString(),
    };

    /// <summary>
    /// The clerk signs and submits. Rows still open are allowed only with a stated reason for each
    /// (外出务工, 联系不上 …): <paramref name="openRows"/> without a reason in <paramref name="openReasons"/> refuse it.
    /// </summary>
    public void Submit(IReadOnlyCollection<long> openRows, IReadOnlyDictionary<long, string> openReasons, string digest, string clerkId, DateTime nowUtc)
    {
        Require(SubmissionState.InProgress, SubmissionState.Returned, "提交");
        var unexplained = openRows.Count(r => !openReasons.TryGetValue(r, out var why) || string.IsNullOrWhiteSpace(why));
        if (unexplained > 0)
        {
            throw new DomainException($"还有 {unexplained} 人未核查且未说明原因(如外出务工、联系不上),不能提交。");
        }
        Move(SubmissionState.Submitted, clerkId, nowUtc, openRows.Count == 0 ? null : $"{openRows.Count} 人未核查,已说明原因", digest);
        // Each person's reason is kept with the signature: the town reads them, and after a return they are offered again.
        Steps[^1].Rows = [.. openRows.Select(r => new ReturnedRow { TenantId = TenantId, TaskRowId = r, Reason = Reason(openReasons[r], "", 200) })];
    }

    /// <summary>The reasons the clerk last gave for people left unverified, by row: shown to the town, offered again after a return.</summary>
    public IReadOnlyDictionary<long, string> OpenReasons =>
        Steps.LastOrDefault(s => s.To == SubmissionState.Submitted)?.Rows.ToDictionary(r => r.TaskRowId, r => r.Reason) ?? [];

    /// <summary>
    /// The town returns the village with a general reason, reasons for named persons, or both; the persons must be
    /// rows of this village (<paramref name="villageRows"/>).
    /// </summary>
    public void Return(string? reason, IReadOnlyDictionary<long, string> rowReasons, IReadOnlySet<long> villageRows, string townUserId, DateTime nowUtc)
    {
        Require(SubmissionState.Submitted, null, "退回");
        var rows = rowReasons.Where(r => !string.IsNullOrWhiteSpace(r.Value))
            .Select(r => villageRows.Contains(r.Key)
                ? new ReturnedRow { TenantId = TenantId, TaskRowId = r.Key, Reason = Reason(r.Value, "", 200) }
                : throw new DomainException("退回的人员不属于本村(社区)的任务数据。"))
            .ToList();
        var general = (reason ?? "").Trim();
        if (general.Length == 0 && rows.Count == 0)
        {
            throw new DomainException("请写明退回原因:总体原因,或到人的原因。");
        }
        Move(SubmissionState.Returned, townUserId, nowUtc, general.Length == 0 ? $"{rows.Count} 人需修改" : Reason(general, ""), null);
        Steps[^1].Rows = rows;
    }

    /// <summary>While returned: the persons the town named in its return, with their reasons.</summary>
    public IReadOnlyList<ReturnedRow> ReturnedRows => State == SubmissionState.Returned ? Steps.Last(s => s.To == SubmissionState.Returned).Rows : [];

    public void Approve(string digest, string townUserId, DateTime nowUtc)
    {
        Require(SubmissionState.Submitted, null, "审核签字");
        Move(SubmissionState.Approved, townUserId, nowUtc, null, digest);
    }

    /// <summary>The town reopens a signed village: findings can change again; the signature stays in the history.</summary>
    public void Reopen(string reason, string townUserId, DateTime nowUtc)
    {
        Require(SubmissionState.Approved, null, "重新打开");
        Move(SubmissionState.InProgress, townUserId, nowUtc, Reason(reason, "请写明重新打开的原因。"), null);
    }

    /// <summary>The digest of the last signature of this kind (the clerk's submission or the town's approval) still in force.</summary>
    public string? SignedDigest => State is SubmissionState.Submitted or SubmissionState.Approved ? Steps.LastOrDefault(s => s.To == State)?.Digest : null;

    private void Require(SubmissionState expected, SubmissionState? alternative, string action)
    {
        if (State != expected && State != alternative)
        {
            throw new DomainException($"当前状态为“{DisplayName(State)}”,不能{action}。");
        }
    }

    private void Move(SubmissionState to, string userId, DateTime nowUtc, string? reason, string? digest)
    {
        Steps.Add(new SubmissionStep { TenantId = TenantId, From = State, To = to, ById = userId, AtUtc = nowUtc, Reason = reason, Digest = digest });
        State = to;
    }

    private static string Reason(string? text, string missing, int max = 500)
    {
        text = (text ?? "").Trim();
        return text.Length == 0 ? throw new DomainException(missing) : text.Length > max ? throw new DomainException($"原因不能超过 {max} 字。") : text;
    }
}

/// <summary>The town total is signed only when every village in the campaign's scope is 镇已审核.</summary>
public static class TownSignOff
{
    public static void EnsureAllApproved(IReadOnlyDictionary<string, SubmissionState> villages)
    {
        var pending = villages.Where(v => v.Value != SubmissionState.Approved).Select(v => $"{v.Key}({VillageSubmission.DisplayName(v.Value)})").ToList();
        if (pending.Count > 0)
        {
            throw new DomainException($"还有村(社区)未经镇审核,不能签署全镇汇总:{string.Join("、", pending)}。");
        }
    }
}

/// <summary>The town's signature on its total: who, when, and the digest of the totals and every village's signed digest.</summary>
public sealed class TownSignature : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int CampaignId { get; set; }

    /// <summary>The town whose part it signs: the whole of a town's campaign, or its villages of a county campaign.</summary>
    public int TownId { get; set; }
    public required string SignedById { get; set; }
    public DateTime SignedAtUtc { get; set; }
    public required string Digest { get; set; }

    /// <summary>Refuses unless every village is 镇已审核; the digest binds the town total to each village's approval.</summary>
    public static TownSignature Sign(int tenantId, int campaignId, int townId, IReadOnlyDictionary<string, (SubmissionState State, string? Digest)> villages,
        VillageStatistics total, string userId, DateTime nowUtc, DigestAlgorithm algorithm = DigestAlgorithm.Sha256)
    {
        TownSignOff.EnsureAllApproved(villages.ToDictionary(v => v.Key, v => v.Value.State));
        var canonical = string.Join('\n', villages.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}:{v.Value.Digest}"))
            + $"\ntotal={total.TaskRecords};{total.ReceivedInUse};{total.ReceivedDeceased};{total.NotReceivedHandedIn};{total.NotReceivedDeceased};{total.Open}";
        return new TownSignature { TenantId = tenantId, CampaignId = campaignId, TownId = townId, SignedById = userId, SignedAtUtc = nowUtc, Digest = SignedContent.Digest(canonical, algorithm) };
    }
}
