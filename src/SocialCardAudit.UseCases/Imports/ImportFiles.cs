using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>
/// An uploaded file kept in the database until its import ends, encrypted a chunk at a time like the rest of the
/// personal data: any node can read it, a node that dies loses nothing, and no node's disk holds it.
/// </summary>
public static class ImportFiles
{
    /// <summary>
    /// Stores <paramref name="upload"/>, from its start, for <paramref name="job"/> (already saved, so it has its id).
    /// Call inside the transaction that records the job.
    /// </summary>
    public static async Task SaveAsync(AppDbContext db, ImportJob job, Stream upload, PersonalDataProtector protector, CancellationToken ct)
    {
        var buffer = new byte[ImportFileChunk.Size];
        var number = 0;
        upload.Position = 0;
        while (await upload.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct) is var read and > 0)
        {
            var chunk = new ImportFileChunk
            {
                TenantId = job.TenantId, JobId = job.Id, Number = number++,
                Cipher = protector.Protect(buffer.AsSpan(0, read), Purposes.ImportFile),
            };
            db.ImportFileChunks.Add(chunk);
            await db.SaveChangesAsync(ct);
            db.Entry(chunk).State = EntityState.Detached; // one chunk in memory at a time, however large the file
        }
    }

    /// <summary>The stored file as a read-only, seekable stream that fetches and decrypts one chunk when it needs it.</summary>
    public static Stream Open(DbContextOptions<AppDbContext> options, ImportJob job, PersonalDataProtector protector) =>
        new ChunkStream(options, job, protector);

    public static Task<int> DeleteAsync(AppDbContext db, long jobId, CancellationToken ct) =>
        db.ImportFileChunks.IgnoreQueryFilters().Where(c => c.JobId == jobId).ExecuteDeleteAsync(ct);

    private sealed class ChunkStream(DbContextOptions<AppDbContext> options, ImportJob job, PersonalDataProtector protector) : Stream
    {
        private readonly AppDbContext _db = new(options, new FixedTenant(job.TenantId));
        private int _number = -1;
        private byte[] _plain = [];
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => job.FileSize;

        public override long Position
        {
            get => _position;
            set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= Length || buffer.Length == 0)
            {
                return 0;
            }
            var number = (int)(_position / ImportFileChunk.Size);
            if (number != _number)
            {
                var cipher = _db.ImportFileChunks.AsNoTracking()
                    .Where(c => c.JobId == job.Id && c.Number == number)
                    .Select(c => c.Cipher).SingleOrDefault()
                    ?? throw new InvalidDataException($"导入文件缺少第 {number + 1} 块:文件已被删除或未上传完整。");
                (_plain, _number) = (protector.UnprotectBytes(cipher, Purposes.ImportFile), number);
            }
            var start = (int)(_position - (long)number * ImportFileChunk.Size);
            var n = Math.Min(buffer.Length, _plain.Length - start);
            _plain.AsSpan(start, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _db.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
