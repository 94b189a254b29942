using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace MusicEmotion.Recommend.Hnsw;

/// <summary>
/// The C entry points of USearch's native library (<c>libusearch_c</c>, shipped for each platform by the
/// Cloud.Unum.USearch package), with the package's own <see cref="IndexOptions"/>, <see cref="MetricKind"/> and
/// <see cref="ScalarKind"/>. The package's managed <c>USearchIndex</c> allocates two arrays per search and exposes
/// neither filtered search nor changing the search expansion of a loaded index, so the index calls these directly.
/// Signatures follow <c>c/usearch.h</c> of USearch 2.26.
/// </summary>
internal static class UsearchNative
{
    private const string Library = "libusearch_c";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int FilterCallback(ulong key, IntPtr state);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern IntPtr usearch_init(ref IndexOptions options, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_free(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_save(IntPtr index, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_load(IntPtr index, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_view(IntPtr index, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_metadata([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref IndexOptions options, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern UIntPtr usearch_size(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern UIntPtr usearch_capacity(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern UIntPtr usearch_dimensions(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern UIntPtr usearch_connectivity(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern UIntPtr usearch_memory_usage(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_reserve(IntPtr index, UIntPtr capacity, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_change_expansion_add(IntPtr index, UIntPtr expansion, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_change_expansion_search(IntPtr index, UIntPtr expansion, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_change_threads_add(IntPtr index, UIntPtr threads, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_change_threads_search(IntPtr index, UIntPtr threads, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern void usearch_add(IntPtr index, ulong key, ref float vector, ScalarKind kind, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    [return: MarshalAs(UnmanagedType.I1)]
    public static extern bool usearch_contains(IntPtr index, ulong key, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern UIntPtr usearch_get(IntPtr index, ulong key, UIntPtr count, ref float vector, ScalarKind kind, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern UIntPtr usearch_remove(IntPtr index, ulong key, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern UIntPtr usearch_search(IntPtr index, ref float query, ScalarKind kind, UIntPtr count, ref ulong keys, ref float distances, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern UIntPtr usearch_filtered_search(IntPtr index, ref float query, ScalarKind kind, UIntPtr count, FilterCallback filter, IntPtr state,
        ref ulong keys, ref float distances, out IntPtr error);

    /// <summary>Throws when <paramref name="error"/> points to a message.</summary>
    /// <exception cref="HnswIndexException">It does.</exception>
    public static void Check(IntPtr error, string what)
    {
        if (error != IntPtr.Zero)
        {
            throw new HnswIndexException($"{what}: {Marshal.PtrToStringUTF8(error) ?? "unknown USearch error"}");
        }
    }
}
