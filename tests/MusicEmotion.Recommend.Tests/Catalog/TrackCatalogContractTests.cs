using MusicEmotion.Recommend.Catalog;

namespace MusicEmotion.Recommend.Tests.Catalog;

public sealed class InMemoryTrackCatalogContractTests : TrackCatalogContract
{
    protected override ITrackCatalog CreateCatalog() => new InMemoryTrackCatalog();
}

public sealed class SqliteTrackCatalogContractTests : TrackCatalogContract
{
    private readonly TempDirectory _directory = new();
    private int _files;

    protected override ITrackCatalog CreateCatalog() => SqliteTrackCatalog.Open(_directory.File($"catalog{_files++}.db"));

    protected override void OnDispose() => _directory.Dispose();
}
