using System;
using System.IO;

namespace DcMonitor.Shared.Storage
{
    /// <summary>
    /// A file on the flash drive (text or bytes) written so that a power cut at any moment leaves either the old or the new content
    /// readable (ARCHITECTURE §8): the new text goes to <c>&lt;path&gt;.new</c>, then the old file is deleted and the new one
    /// renamed (nanoFramework's File.Move does not overwrite). A reader takes <c>&lt;path&gt;</c> when its content is valid,
    /// else <c>&lt;path&gt;.new</c> (a cut between delete and rename), the caller deciding what "valid" means.
    /// Not thread-safe: one writer (the provisioner's work queue).
    /// </summary>
    public sealed class AtomicFile
    {
        private readonly string _path;
        private readonly string _pendingPath; // <path>.new, built once: a periodic save builds no path text (issue 16)
        private string _folder; // the path's folder, found at the first write

        /// <summary>A file at <paramref name="path"/> (e.g. <c>I:\provisioner\registry.txt</c>); its folder is created on write.</summary>
        public AtomicFile(string path)
        {
            _path = path;
            _pendingPath = path + ".new";
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
            File.WriteAllText(Prepare(), text);
            Commit();
        }

        /// <summary>Writes <paramref name="bytes"/> atomically.</summary>
        /// <exception cref="IOException">The flash refused the write (the old content stays readable).</exception>
        public void WriteBytes(byte[] bytes)
        {
            File.WriteAllBytes(Prepare(), bytes);
            Commit();
        }

        /// <summary>The main copy's bytes, or null when it does not exist or cannot be read.</summary>
        public byte[] ReadMainBytes()
        {
            return ReadBytesOrNull(_path);
        }

        /// <summary>The pending new copy's bytes (left by a power cut during <see cref="WriteBytes"/>), or null.</summary>
        public byte[] ReadPendingBytes()
        {
            return ReadBytesOrNull(_pendingPath);
        }

        private string Prepare()
        {
            if (_folder == null)
            {
                _folder = _path.Substring(0, _path.LastIndexOf('\\'));
            }

            if (!Directory.Exists(_folder))
            {
                Directory.CreateDirectory(_folder);
            }

            return _pendingPath;
        }

        private void Commit()
        {
            if (File.Exists(_path))
            {
                File.Delete(_path);
            }

            File.Move(_pendingPath, _path);
        }

        /// <summary>The main copy's text, or null when it does not exist or cannot be read.</summary>
        public string ReadMain()
        {
            return ReadOrNull(_path);
        }

        /// <summary>The pending new copy's text (left by a power cut during <see cref="Write"/>), or null.</summary>
        public string ReadPending()
        {
            return ReadOrNull(_pendingPath);
        }

        /// <summary>
        /// The text a reader should trust: the main copy, or — when a power cut fell before the main copy was written for the first
        /// time — the pending new copy; null when neither exists or can be read.
        /// </summary>
        public string ReadLatest()
        {
            string text = ReadMain();
            return text ?? ReadPending();
        }

        private static byte[] ReadBytesOrNull(string path)
        {
            try
            {
                return File.Exists(path) ? File.ReadAllBytes(path) : null;
            }
            catch (IOException)
            {
                return null;
            }
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
