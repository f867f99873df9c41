#include <cstdio>
int main() { std::puts("dossier"); return 0; }
