using System;
using System.IO;

namespace DcMonitor.Provisioner.Storage
{
    /// <summary>
    /// A text file on the flash drive written so that a power cut at any moment leaves either the old or the new content
    /// readable (ARCHITECTURE §8): the new text goes to <c>&lt;path&gt;.new</c>, then the old file is deleted and the new one
    /// renamed (nanoFramework's File.Move does not overwrite). A reader takes <c>&lt;path&gt;</c> when its content is valid,
    /// else <c>&lt;path&gt;.new</c> (a cut between delete and rename), the caller deciding what "valid" means.
    /// Not thread-safe: one writer (the provisioner's work queue).
    /// </summary>
    public sealed class AtomicTextFile
    {
        private readonly string _path;

        /// <summary>A file at <paramref name="path"/> (e.g. <c>I:\provisioner\registry.txt</c>); its folder is created on write.</summary>
        public AtomicTextFile(string path)
        {
            _path = path;
        }

        /// <summary>The file's path.</summary>
        public string Path
        {
            get { return _path; }
        }

        /// <summary>Writes <paramref name="text"/> atomically.</summary>
        /// <exception cref="IOException">The flash refused the write (the old content stays readable).</exception>
        public void Write(string text)
        {
            string folder = _path.Substring(0, _path.LastIndexOf('\\'));
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }

            string temporary = _path + ".new";
            File.WriteAllText(temporary, text);
            if (File.Exists(_path))
            {
                File.Delete(_path);
            }

            File.Move(temporary, _path);
        }

        /// <summary>The main copy's text, or null when it does not exist or cannot be read.</summary>
        public string ReadMain()
        {
            return ReadOrNull(_path);
        }

        /// <summary>The pending new copy's text (left by a power cut during <see cref="Write"/>), or null.</summary>
        public string ReadPending()
        {
            return ReadOrNull(_path + ".new");
        }

        private static string ReadOrNull(string path)
        {
            try
            {
                return File.Exists(path) ? File.ReadAllText(path) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
