/* edgepose_elf_weak_version FILE VERSION: marks every requirement of VERSION (for example GLIBCXX_3.4.32)
 * in FILE's version-needs section (.gnu.version_r) weak, so the dynamic loader loads FILE even where no
 * library defines VERSION. 64-bit little-endian ELF only. Exit 0: done (or already weak); 1: VERSION not
 * required by FILE; 2: bad input. Prints one line. */
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(const char *file, const char *what) {
  fprintf(stderr, "error: %s: %s\n", file, what);
  return 2;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: edgepose_elf_weak_version FILE VERSION\n");
    return 2;
  }
  const char *file = argv[1];
  const char *version = argv[2];
  int fd = open(file, O_RDWR);
  if (fd < 0) return fail(file, "cannot open for writing");
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < (off_t)sizeof(Elf64_Ehdr)) {
    close(fd);
    return fail(file, "not an ELF file");
  }
  size_t size = (size_t)st.st_size;
  unsigned char *base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  if (base == MAP_FAILED) return fail(file, "cannot map");
  int rc = 1;
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
  if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
      eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_shoff == 0 ||
      eh->e_shoff + (size_t)eh->e_shnum * sizeof(Elf64_Shdr) > size) {
    munmap(base, size);
    return fail(file, "not a 64-bit little-endian ELF file with section headers");
  }
  const Elf64_Shdr *sh = (const Elf64_Shdr *)(base + eh->e_shoff);
  int weakened = 0, already = 0;
  for (unsigned i = 0; i < eh->e_shnum; i++) {
    if (sh[i].sh_type != SHT_GNU_verneed || sh[i].sh_link >= eh->e_shnum) continue;
    const Elf64_Shdr *strtab = &sh[sh[i].sh_link];
    size_t off = sh[i].sh_offset;
    for (;;) {
      if (off + sizeof(Elf64_Verneed) > size) break;
      Elf64_Verneed *vn = (Elf64_Verneed *)(base + off);
      size_t aoff = off + vn->vn_aux;
      for (unsigned a = 0; a < vn->vn_cnt && aoff + sizeof(Elf64_Vernaux) <= size; a++) {
        Elf64_Vernaux *va = (Elf64_Vernaux *)(base + aoff);
        size_t name = strtab->sh_offset + va->vna_name;
        if (name < size && strncmp((const char *)base + name, version, size - name) == 0) {
          if (va->vna_flags & VER_FLG_WEAK) already++;
          else { va->vna_flags |= VER_FLG_WEAK; weakened++; }
        }
        if (va->vna_next == 0) break;
        aoff += va->vna_next;
      }
      if (vn->vn_next == 0) break;
      off += vn->vn_next;
    }
  }
  if (weakened + already > 0) {
    rc = 0;
    if (weakened > 0 && msync(base, size, MS_SYNC) != 0) rc = fail(file, "cannot write");
    else printf("%s: %s %s\n", file, version, weakened > 0 ? "marked weak" : "already weak");
  } else {
    fprintf(stderr, "%s: does not require %s\n", file, version);
  }
  munmap(base, size);
  return rc;
}
