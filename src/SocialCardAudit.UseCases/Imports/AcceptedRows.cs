using System.Security.Cryptography;
using System.Text;
using SocialCardAudit.Documents;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>A row of a task list that passed every check, as it will be stored.</summary>
internal sealed class AcceptedRow
{
    public required string Name { get; init; }
    public required string IdNumber { get; init; }
    public required UInt128 HashKey { get; init; }
    public required string BankCard { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public int VillageId { get; init; }
    public string? GroupName { get; init; }
    public int? GroupId { get; init; }
    public int? SourceNumber { get; init; }

    /// <summary>The doubts about the row, as stored (joined by ";"); null for none.</summary>
    public string? Flags { get; init; }

    /// <summary>Columns whose number looks cut by Excel: decided once the whole file has been read.</summary>
    public IReadOnlyList<TaskColumn> CutShaped { get; init; } = [];

    /// <summary>The source row, kept only while <see cref="CutShaped"/> is still to be decided (for its error).</summary>
    public SourceRow? Row { get; init; }
}

/// <summary>
/// The rows an import has accepted, from the moment they are read until they are stored: on a temporary file,
/// encrypted with a key that exists only in this object, so a county's million rows do not sit in memory (about
/// 550 bytes each) and no personal data is left readable on disk. The file is deleted when this is disposed, or
/// by the system if the process dies.
/// </summary>
internal sealed class AcceptedRows : IDisposable
{
    private readonly Aes _aes = Aes.Create();
    private readonly FileStream _file = new(Path.Combine(Path.GetTempPath(), "sca-accepted-" + Guid.NewGuid().ToString("N")),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    private readonly List<(int Index, AcceptedRow Row)> _undecided = [];
    private readonly HashSet<int> _dropped = [];
    private CryptoStream? _encrypting;
    private BinaryWriter? _writer;

    public AcceptedRows()
    {
        _encrypting = new CryptoStream(_file, _aes.CreateEncryptor(), CryptoStreamMode.Write, leaveOpen: true);
        _writer = new BinaryWriter(new BufferedStream(_encrypting, 1 << 16), Encoding.UTF8);
    }

    /// <summary>Rows added, less those dropped after the whole file was read.</summary>
    public int Count => _added - _dropped.Count;

    private int _added;

    public void Add(AcceptedRow row)
    {
        var w = _writer ?? throw new InvalidOperationException("The accepted rows are being read.");
        w.Write(row.Name);
        w.Write(row.IdNumber);
        w.Write((ulong)(row.HashKey >> 64));
        w.Write((ulong)row.HashKey);
        w.Write(row.BankCard);
        Optional(w, row.Address);
        Optional(w, row.Phone);
        w.Write(row.VillageId);
        Optional(w, row.GroupName);
        w.Write(row.GroupId ?? -1);
        w.Write(row.SourceNumber ?? int.MinValue);
        Optional(w, row.Flags);
        if (row.CutShaped.Count > 0)
        {
            _undecided.Add((_added, row));
        }
        _added++;
    }

    /// <summary>Once the file is read: the rows with cut-shaped numbers are decided; those <paramref name="drop"/> says so leave.</summary>
    public void Decide(Func<AcceptedRow, bool> drop)
    {
        foreach (var (index, row) in _undecided.Where(u => drop(u.Row)))
        {
            _dropped.Add(index);
        }
        _undecided.Clear();
    }

    /// <summary>The rows kept, in the order they were read. Nothing can be added after this.</summary>
    public IEnumerable<AcceptedRow> Read()
    {
        if (_writer is not null)
        {
            _writer.Dispose(); // flushes the buffer and the cipher's last block; leaves the file open
            _encrypting!.Dispose();
            (_writer, _encrypting) = (null, null);
        }
        _file.Position = 0;
        using var decrypting = new CryptoStream(_file, _aes.CreateDecryptor(), CryptoStreamMode.Read, leaveOpen: true);
        using var r = new BinaryReader(new BufferedStream(decrypting, 1 << 16), Encoding.UTF8);
        for (var i = 0; i < _added; i++)
        {
            var row = new AcceptedRow
            {
                Name = r.ReadString(),
                IdNumber = r.ReadString(),
                HashKey = ((UInt128)r.ReadUInt64() << 64) | r.ReadUInt64(),
                BankCard = r.ReadString(),
                Address = Optional(r),
                Phone = Optional(r),
                VillageId = r.ReadInt32(),
                GroupName = Optional(r),
                GroupId = r.ReadInt32() is var g and >= 0 ? g : null,
                SourceNumber = r.ReadInt32() is var n and not int.MinValue ? n : null,
                Flags = Optional(r),
            };
            if (!_dropped.Contains(i))
            {
                yield return row;
            }
        }
    }

    private static void Optional(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? Optional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    public void Dispose()
    {
        _writer?.Dispose();
        _encrypting?.Dispose();
        _file.Dispose();
        _aes.Dispose();
    }
}
