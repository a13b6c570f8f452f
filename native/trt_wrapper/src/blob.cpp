#include "blob.hpp"

extern "C" const void* ept_blob_data(const ept_blob* blob)
{
    return blob != nullptr && blob->memory ? blob->memory->data() : nullptr;
}

extern "C" uint64_t ept_blob_size(const ept_blob* blob)
{
    return blob != nullptr && blob->memory ? static_cast<uint64_t>(blob->memory->size()) : 0;
}

extern "C" void ept_blob_destroy(ept_blob* blob)
{
    delete blob;
}
