#pragma once
// Sparse LDLᵀ with a pattern fixed at compile time (after Davis's LDL): the ordering (AMD) and the
// symbolic analysis run once; `factorize` and `solve` then reuse preallocated arrays, so a simulation
// step can refactor the matrix without touching the heap. Eigen's SimplicialLDLT allocates inside
// factorize(), which is why the numeric part lives here.
#include <cstdint>
#include <utility>
#include <vector>

namespace fascia::sim {

struct SparseLdlt {
  int n = 0;
  // The permuted matrix, upper triangle by columns (row <= col): a_colptr (n+1), a_row (nnz), a_value (nnz).
  std::vector<int> a_colptr, a_row;
  std::vector<double> a_value;
  std::vector<int> perm;      // (n) perm[new] = old
  std::vector<int> perm_inv;  // (n) perm_inv[old] = new
  // Factor L (unit lower, strict part by columns) and D. The pattern of L is fixed, so the row
  // patterns (ascending) and where each of their entries lands in L are computed once, and the
  // numeric factorisation is pure arithmetic.
  std::vector<int> l_colptr, l_row, parent, l_count;
  std::vector<int> row_ptr, row_col, row_pos;  // (n+1), (nnz L), (nnz L)
  std::vector<double> l_value, d;
  // Work arrays for the numeric factorisation and solves.
  std::vector<double> y, x_perm;
  std::vector<int> pattern, flag;
  int clamped_pivots = 0;  // pivots raised to stay positive in the last factorisation
};

// Builds the solver for the symmetric pattern given as (row, col) pairs of original indices (either
// triangle, duplicates allowed). Returns, for every input pair, the index into a_value where that
// entry lives, so assembly can add into it directly.
std::vector<int> ldlt_analyse(SparseLdlt& s, int n, const std::vector<std::pair<int, int>>& entries);

// Numeric factorisation of a_value. Pivots below `min_pivot` times their own diagonal entry are
// replaced (a modified Cholesky: keeps a Newton step a descent direction when the matrix is not
// positive definite, as far from equilibrium the hinge terms can make it).
void ldlt_factorize(SparseLdlt& s, double min_pivot = 1e-10);

// Solves A x = b in place (b in original ordering). No allocation.
void ldlt_solve(SparseLdlt& s, double* b);

}  // namespace fascia::sim
