using MusicEmotion.Server.Hosting;

// The MusicEmotion service: `dotnet run --project src/MusicEmotion.Server -- --urls http://127.0.0.1:5080`.
// Configuration (appsettings.json, environment variables MusicEmotion__..., command line --MusicEmotion:...) is
// described in docs/server.md. A start refused for a reason the operator can fix (a setting, a second service on the
// same folder, a port in use) prints one line naming it and exits with code 2.
try
{
    WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
    builder.AddMusicEmotionServer();
    WebApplication app = builder.Build();
    await app.UseMusicEmotionServerAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupRefusal.From(ex) is { } refusal)
{
    await Console.Error.WriteLineAsync($"MusicEmotion.Server: cannot start: {refusal.Message}");
    return StartupRefusal.ExitCode;
}
