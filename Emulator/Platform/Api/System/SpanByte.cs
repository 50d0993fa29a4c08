namespace System
{
    /// <summary>
    /// Emulation of nanoFramework CoreLibrary 1.x's <c>System.SpanByte</c>: a bounds-checked window
    /// (<c>start</c>, <c>length</c>) onto a <c>byte[]</c>. Writes through the indexer change the
    /// underlying array. A <c>byte[]</c> converts implicitly.
    /// </summary>
    public readonly ref struct SpanByte
    {
        private readonly byte[] _array;
        private readonly int _start;
        private readonly int _length;

        /// <summary>A span over the whole of <paramref name="array"/> (empty when null).</summary>
        public SpanByte(byte[] array)
        {
            _array = array;
            _start = 0;
            _length = array == null ? 0 : array.Length;
        }

        /// <summary>A span over <paramref name="length"/> bytes of <paramref name="array"/> from <paramref name="start"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The window is not inside the array.</exception>
        public SpanByte(byte[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(start));
                }
            }
            else if (start < 0 || length < 0 || start + length > array.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }

            _array = array;
            _start = start;
            _length = length;
        }

        /// <summary>The byte at <paramref name="index"/> (0 ≤ index &lt; <see cref="Length"/>).</summary>
        /// <exception cref="ArgumentOutOfRangeException">The index is outside the span (nanoFramework throws this
        /// type for index ≥ Length; for a negative index it reads outside the window, which the emulator refuses too).</exception>
        public byte this[int index]
        {
            get
            {
                if (index < 0 || index >= _length)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                return _array[_start + index];
            }

            set
            {
                if (index < 0 || index >= _length)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                _array[_start + index] = value;
            }
        }

        /// <summary>An empty span.</summary>
        public static SpanByte Empty => new SpanByte();

        /// <summary>Number of bytes in the span.</summary>
        public int Length => _length;

        /// <summary>True when <see cref="Length"/> is 0.</summary>
        public bool IsEmpty => _length == 0;

        /// <summary>Copies the span into <paramref name="destination"/>.</summary>
        /// <exception cref="ArgumentException">The destination is shorter than this span.</exception>
        public void CopyTo(SpanByte destination)
        {
            if (destination.Length < _length)
            {
                throw new ArgumentException("Destination too short.", nameof(destination));
            }

            for (int i = 0; i < _length; i++)
            {
                destination[i] = _array[_start + i];
            }
        }

        /// <summary>The part of the span from <paramref name="start"/> to its end.</summary>
        /// <exception cref="ArgumentOutOfRangeException">start is outside the span.</exception>
        public SpanByte Slice(int start)
        {
            if (start < 0 || start > _length)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }

            return new SpanByte(_array, _start + start, _length - start);
        }

        /// <summary>The <paramref name="length"/> bytes of the span from <paramref name="start"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The slice is outside the span.</exception>
        public SpanByte Slice(int start, int length)
        {
            if (start < 0 || length < 0 || start + length > _length)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }

            return new SpanByte(_array, _start + start, length);
        }

        /// <summary>A new array holding a copy of the span's bytes.</summary>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            if (_length > 0)
            {
                Array.Copy(_array, _start, copy, 0, _length);
            }

            return copy;
        }

        /// <summary>Wraps a whole array.</summary>
        public static implicit operator SpanByte(byte[] array) => new SpanByte(array);
    }
}
