// Fake of nf-interpreter src/CLR/Include/nanoCLR_Interop.h: the declarations the generated interop headers and the
// hand-written InternalCall implementation use (HRESULT, NANOCLR_NATIVE_DECLARE, CLR_RT_TypedArray with GetBuffer and
// GetSize), so the implementation file compiles and runs in the host tests. The real array is filled by nanoCLR's
// marshalling (Interop_Marshal_UINT8_ARRAY); the fake's public constructor stands in for it.
#pragma once

typedef int HRESULT; // nf_errors_exceptions.h
struct CLR_RT_StackFrame;
#define NANOCLR_NATIVE_DECLARE(mtd) static HRESULT mtd(CLR_RT_StackFrame &stack)

template <class T> class CLR_RT_TypedArray
{
    T *m_pData;
    unsigned int m_ElemCount;

  public:
    CLR_RT_TypedArray() : m_pData(nullptr), m_ElemCount(0)
    {
    }
    CLR_RT_TypedArray(T *data, unsigned int count) : m_pData(data), m_ElemCount(count) // fake only: what marshalling does
    {
    }
    unsigned int GetSize()
    {
        return m_ElemCount;
    }
    T *GetBuffer()
    {
        return m_pData;
    }
};

typedef CLR_RT_TypedArray<unsigned char> CLR_RT_TypedArray_UINT8;
