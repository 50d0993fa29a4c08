using System;
using System.IO;
using System.Text.Json;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// What the emulated native stack keeps in NVS (mesh settings, BLE bonds) as a JSON file next to the node's flash folder:
    /// read back tolerantly (missing or unreadable: the stack's empty default, as ESP-IDF starts over on unreadable NVS entries)
    /// and written atomically (new file, then replace), so a power cut leaves the old or the new copy.
    /// </summary>
    internal static class NonVolatileJsonFile
    {
        /// <summary>The value in <paramref name="path"/>, or <paramref name="empty"/>'s when there is none or it is unreadable.</summary>
        public static T Load<T>(string path, Func<T> empty)
            where T : class
        {
            try
            {
                return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path)) ?? empty() : empty();
            }
            catch (JsonException)
            {
                return empty();
            }
        }

        /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> atomically.</summary>
        public static void Save<T>(string path, T value)
        {
            string temporary = path + ".new";
            File.WriteAllText(temporary, JsonSerializer.Serialize(value));
            File.Move(temporary, path, overwrite: true);
        }
    }
}
