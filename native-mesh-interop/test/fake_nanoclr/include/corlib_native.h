// Fake of nf-interpreter src/CLR/CorLib/corlib_native.h (nothing the implementation uses).
#pragma once
