using System.Runtime.InteropServices;

namespace MusicEmotion.Recommend.Hnsw;

/// <summary>Owns a native USearch index: freed exactly once, by <see cref="SafeHandle.Dispose()"/> or by the finalizer.</summary>
internal sealed class UsearchHandle : SafeHandle
{
    public UsearchHandle(IntPtr index)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(index);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        UsearchNative.usearch_free(handle, out _);
        return true;
    }
}
