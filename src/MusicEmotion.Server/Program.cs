using MusicEmotion.Server.Hosting;

// The MusicEmotion service: `dotnet run --project src/MusicEmotion.Server -- --urls http://127.0.0.1:5080`.
// Configuration (appsettings.json, environment variables MusicEmotion__..., command line --MusicEmotion:...) is
// described in docs/server.md.
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddMusicEmotionServer();
WebApplication app = builder.Build();
await app.UseMusicEmotionServerAsync();
await app.RunAsync();
