using NAudio.Midi;

namespace MusicEmotion.Notes.Midi;

/// <summary>
/// The sustain pedal (controller 64) of each channel of a MIDI file, in ticks: when a key released under the pedal
/// stops sounding (<see cref="MidiImportOptions.ApplySustainPedal"/>).
/// </summary>
internal sealed class SustainPedal
{
    private const int Controller = 64;
    private const int DownFrom = 64;

    // Per channel: the pedal's down intervals [down, up), in order; per channel and key: its onsets, in order.
    private readonly Dictionary<int, List<(long Down, long Up)>> _held = [];
    private readonly Dictionary<(int Channel, int Key), List<long>> _onsets = [];

    /// <summary>Reads the pedal and the onsets of every track.</summary>
    public SustainPedal(MidiEventCollection events)
    {
        long last = 0;
        var changes = new List<(long Time, int Channel, bool Down)>();
        foreach (IList<MidiEvent> track in events)
        {
            foreach (MidiEvent e in track)
            {
                last = Math.Max(last, e.AbsoluteTime);
                if (e is ControlChangeEvent { Controller: (MidiController)Controller } cc)
                {
                    changes.Add((e.AbsoluteTime, e.Channel, cc.ControllerValue >= DownFrom));
                }
                else if (e is NoteOnEvent { Velocity: > 0 } on && on.CommandCode == MidiCommandCode.NoteOn)
                {
                    (_onsets.TryGetValue((on.Channel, on.NoteNumber), out List<long>? list) ? list : _onsets[(on.Channel, on.NoteNumber)] = []).Add(on.AbsoluteTime);
                }
            }
        }

        foreach (IGrouping<int, (long Time, int Channel, bool Down)> channel in changes.GroupBy(c => c.Channel))
        {
            var intervals = new List<(long, long)>();
            long? down = null;
            foreach ((long time, _, bool isDown) in channel.OrderBy(c => c.Time))
            {
                if (isDown && down is null)
                {
                    down = time;
                }
                else if (!isDown && down is { } from)
                {
                    intervals.Add((from, time));
                    down = null;
                }
            }

            if (down is { } open)
            {
                intervals.Add((open, Math.Max(open, last))); // held to the end of the file
            }

            _held[channel.Key] = intervals;
        }

        foreach (List<long> list in _onsets.Values)
        {
            list.Sort();
        }
    }

    /// <summary>The tick at which the note started by <paramref name="on"/> (which has its note-off) stops sounding.</summary>
    public long Release(NoteOnEvent on)
    {
        long released = on.OffEvent?.AbsoluteTime ?? throw new ArgumentException("The note has no note-off.", nameof(on));
        long off = released;
        if (_held.TryGetValue(on.Channel, out List<(long Down, long Up)>? intervals))
        {
            foreach ((long down, long up) in intervals)
            {
                if (down <= off && off < up)
                {
                    off = up;
                    break;
                }
            }
        }

        // Struck again while it still sounds: the earlier note ends there (one string, one sound).
        if (off > released && _onsets.TryGetValue((on.Channel, on.NoteNumber), out List<long>? onsets))
        {
            int next = onsets.BinarySearch(on.AbsoluteTime + 1);
            next = next >= 0 ? next : ~next;
            if (next < onsets.Count && onsets[next] < off)
            {
                off = Math.Max(released, onsets[next]);
            }
        }

        return off;
    }
}
