// Fake of nf-interpreter src/CLR/Include/nanoPackStruct.h (nothing the implementation uses).
#pragma once
