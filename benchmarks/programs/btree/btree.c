/* btree: complete binary trees of depth DEPTH (131071 nodes: left, right,
   item) built recursively from a pool and walked recursively, REPS times.
   A node with item k has children with items 2k-1 and 2k; a tree's check is
   item + check(left) - check(right), a leaf's its item. Checksum:
   h = h*31 + check(tree) over all trees, wrapping modulo 2^32 (uint32_t),
   like 32-bit Forth cells. C twin of btree.fs. */
#include <stdio.h>
#include <stdint.h>

#define DEPTH 16
#define MAX_NODES ((1 << (DEPTH + 1)) - 1)
#define REPS 300

typedef struct node {
    struct node *left, *right;
    uint32_t item;
} node;

static node pool[MAX_NODES];
static node *next_node;

static node *new_node(node *left, node *right, uint32_t item) {
    node *n = next_node++;
    n->left = left;
    n->right = right;
    n->item = item;
    return n;
}

static node *make(uint32_t item, int32_t depth) {
    if (depth == 0)
        return new_node(0, 0, item);
    node *left = make(2 * item - 1, depth - 1);
    node *right = make(2 * item, depth - 1);
    return new_node(left, right, item);
}

static uint32_t check(const node *n) {
    if (!n->left)
        return n->item;
    return n->item + check(n->left) - check(n->right);
}

int main(void) {
    uint32_t h = 0;
    for (int32_t r = 0; r < REPS; r++) {
        next_node = pool;
        h = h * 31u + check(make((uint32_t)r + 1, DEPTH));
    }
    printf("%d \n", (int32_t)h);
    return 0;
}
