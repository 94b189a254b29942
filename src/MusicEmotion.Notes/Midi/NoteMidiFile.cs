using NAudio.Midi;

namespace MusicEmotion.Notes.Midi;

/// <summary>
/// Standard MIDI files from transcriptions (NAudio.Midi): <see cref="Write(NoteTranscription, Stream, MidiExportOptions?)"/>
/// writes one track (format 0) at the transcription's tempo, velocities from the notes' amplitudes and pitch curves as
/// pitch-bend events; <see cref="ReadNotes(string)"/> reads the notes of any MIDI file back, in seconds.
/// </summary>
public static class NoteMidiFile
{
    private const int StraightChannel = 1;    // notes without a bend
    private const int PercussionChannel = 10; // never used: General MIDI drums
    private const int PitchWheelCentre = 8192;
    private const double DefaultTempoBpm = 120;

    /// <summary>Writes <paramref name="transcription"/> as a MIDI file to <paramref name="destination"/> (left open).</summary>
    /// <param name="transcription">The notes and the tempo.</param>
    /// <param name="destination">A writable stream.</param>
    /// <param name="options">How to write it; null = defaults.</param>
    /// <exception cref="ArgumentException">The options are invalid or the stream is not writable.</exception>
    public static void Write(NoteTranscription transcription, Stream destination, MidiExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transcription);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The stream must be writable.", nameof(destination));
        }

        options ??= new MidiExportOptions();
        options.Validate();
        MidiEventCollection events = BuildEvents(transcription, options);
        using var buffer = new MemoryStream();
        MidiFile.Export(buffer, events);
        buffer.Position = 0;
        buffer.CopyTo(destination);
    }

    /// <summary>
    /// Writes <paramref name="transcription"/> as a MIDI file at <paramref name="path"/>, replacing it; the file appears
    /// whole or not at all (written beside it under a temporary name, then renamed).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write there.</exception>
    public static void Save(NoteTranscription transcription, string path, MidiExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transcription);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Write(transcription, file, options);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Reads the notes of a MIDI file (format 0 or 1, any number of tracks and tempo changes), in seconds, ordered by
    /// onset then pitch. Amplitude is the velocity divided by 127; pitch bends are not read back (the lists are empty);
    /// notes on channel 10 (percussion) are left out, and offsets are note-off times (the sustain pedal is ignored).
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable MIDI file.</exception>
    public static IReadOnlyList<NoteEvent> ReadNotes(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ReadNotes(file, path);
    }

    /// <summary>Reads the notes of a MIDI file from a stream (left open); see <see cref="ReadNotes(string)"/>.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="sourceName">Name used in error messages.</param>
    /// <exception cref="InvalidDataException">The content is not a readable MIDI file.</exception>
    public static IReadOnlyList<NoteEvent> ReadNotes(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        MidiFile midi;
        try
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            midi = new MidiFile(copy, strictChecking: false);
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or InvalidDataException or ArgumentException or IOException or OverflowException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{sourceName}: not a readable MIDI file ({ex.Message})", ex);
        }

        if (midi.DeltaTicksPerQuarterNote <= 0)
        {
            throw new InvalidDataException($"{sourceName}: the MIDI header declares {midi.DeltaTicksPerQuarterNote} ticks per quarter note");
        }

        var clock = new TempoMap(midi.Events.SelectMany(track => track).OfType<TempoEvent>(), midi.DeltaTicksPerQuarterNote);
        var notes = new List<NoteEvent>();
        foreach (IList<MidiEvent> track in midi.Events)
        {
            foreach (NoteOnEvent on in track.OfType<NoteOnEvent>())
            {
                if (on.CommandCode != MidiCommandCode.NoteOn || on.Velocity == 0 || on.OffEvent is null || on.Channel == PercussionChannel)
                {
                    continue;
                }

                double start = clock.Seconds(on.AbsoluteTime), end = clock.Seconds(on.OffEvent.AbsoluteTime);
                if (end > start)
                {
                    notes.Add(new NoteEvent(start, end, on.NoteNumber, on.Velocity / 127f, []));
                }
            }
        }

        notes.Sort((a, b) => a.StartSeconds != b.StartSeconds ? a.StartSeconds.CompareTo(b.StartSeconds) : a.Pitch.CompareTo(b.Pitch));
        return notes;
    }

    private static MidiEventCollection BuildEvents(NoteTranscription transcription, MidiExportOptions options)
    {
        double bpm = options.TempoBpm ?? (transcription.TempoBpm > 0 ? transcription.TempoBpm : DefaultTempoBpm);
        int ppq = options.TicksPerQuarterNote;
        long Ticks(double seconds) => (long)Math.Round(Math.Max(0, seconds) * bpm / 60.0 * ppq);

        var events = new MidiEventCollection(0, ppq);
        events.AddTrack();
        events.AddEvent(new TextEvent("MusicEmotion.Notes transcription", MetaEventType.SequenceTrackName, 0), 0);
        events.AddEvent(new TempoEvent((int)Math.Round(60_000_000 / bpm), 0), 0);

        var order = transcription.Notes.OrderBy(n => n.StartSeconds).ThenBy(n => n.Pitch).ToList();
        var channels = new ChannelAllocator();
        var notesByChannel = new List<(NoteEvent Note, int Channel)>(order.Count);
        foreach (NoteEvent note in order)
        {
            bool bends = options.IncludePitchBends && note.PitchBends.Any(b => b.Semitones != 0);
            notesByChannel.Add((note, bends ? channels.Take(note.StartSeconds, note.EndSeconds) : StraightChannel));
        }

        foreach (int channel in notesByChannel.Select(n => n.Channel).Append(StraightChannel).Distinct().Order())
        {
            events.AddEvent(new PatchChangeEvent(0, channel, options.Program), 0);
            if (channel != StraightChannel)
            {
                // Registered parameter 0 (pitch-bend sensitivity) = the range in semitones, then the null parameter.
                foreach ((int controller, int value) in new[] { (101, 0), (100, 0), (6, options.PitchBendRangeSemitones), (38, 0), (101, 127), (100, 127) })
                {
                    events.AddEvent(new ControlChangeEvent(0, channel, (MidiController)controller, value), 0);
                }
            }
        }

        foreach ((NoteEvent note, int channel) in notesByChannel)
        {
            long on = Ticks(note.StartSeconds);
            long off = Math.Max(on + 1, Ticks(note.EndSeconds));
            int velocity = Math.Clamp((int)Math.Round(note.Amplitude * 127), 1, 127);
            if (channel != StraightChannel)
            {
                int last = int.MinValue;
                foreach (PitchBend bend in note.PitchBends)
                {
                    int wheel = Math.Clamp(PitchWheelCentre + (int)Math.Round(bend.Semitones / options.PitchBendRangeSemitones * PitchWheelCentre), 0, 16383);
                    if (wheel != last)
                    {
                        events.AddEvent(new PitchWheelChangeEvent(Math.Min(Math.Max(on, Ticks(bend.TimeSeconds)), off - 1), channel, wheel), 0);
                        last = wheel;
                    }
                }
            }

            var noteOn = new NoteOnEvent(on, channel, note.Pitch, velocity, (int)(off - on));
            events.AddEvent(noteOn, 0);
            events.AddEvent(noteOn.OffEvent!, 0); // the constructor pairs it (duration given)
            if (channel != StraightChannel)
            {
                events.AddEvent(new PitchWheelChangeEvent(off, channel, PitchWheelCentre), 0);
            }
        }

        long end = events[0].Count == 0 ? 0 : events[0].Max(e => e.AbsoluteTime);
        events.AddEvent(new MetaEvent(MetaEventType.EndTrack, 0, end), 0);
        events.PrepareForExport();
        return events;
    }

    /// <summary>Gives each bending note a channel (2–16 but 10) that no other note holds while it sounds.</summary>
    private sealed class ChannelAllocator
    {
        private readonly double[] _busyUntil = new double[17];

        public int Take(double start, double end)
        {
            int best = -1;
            for (int channel = 2; channel <= 16; channel++)
            {
                if (channel == PercussionChannel)
                {
                    continue;
                }

                if (_busyUntil[channel] <= start)
                {
                    best = channel;
                    break;
                }

                if (best < 0 || _busyUntil[channel] < _busyUntil[best])
                {
                    best = channel;
                }
            }

            _busyUntil[best] = Math.Max(_busyUntil[best], end);
            return best;
        }
    }

    /// <summary>Ticks to seconds through a file's tempo changes (120 BPM until the first).</summary>
    private sealed class TempoMap
    {
        private readonly (long Tick, double Seconds, double SecondsPerTick)[] _segments;

        public TempoMap(IEnumerable<TempoEvent> tempos, int ticksPerQuarter)
        {
            var segments = new List<(long, double, double)> { (0, 0, 0.5 / ticksPerQuarter) };
            foreach (TempoEvent tempo in tempos.OrderBy(t => t.AbsoluteTime))
            {
                (long tick, double seconds, double perTick) = segments[^1];
                double at = seconds + ((tempo.AbsoluteTime - tick) * perTick);
                double newPerTick = tempo.MicrosecondsPerQuarterNote / 1e6 / ticksPerQuarter;
                if (tempo.AbsoluteTime == tick)
                {
                    segments[^1] = (tick, seconds, newPerTick);
                }
                else
                {
                    segments.Add((tempo.AbsoluteTime, at, newPerTick));
                }
            }

            _segments = [.. segments];
        }

        public double Seconds(long tick)
        {
            int i = _segments.Length - 1;
            while (i > 0 && _segments[i].Tick > tick)
            {
                i--;
            }

            (long start, double seconds, double perTick) = _segments[i];
            return seconds + ((tick - start) * perTick);
        }
    }
}
