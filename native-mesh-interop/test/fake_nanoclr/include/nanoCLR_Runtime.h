// Fake of nf-interpreter src/CLR/Include/nanoCLR_Runtime.h: only the assembly-table type the generated header names.
#pragma once
struct CLR_RT_NativeAssemblyData;
