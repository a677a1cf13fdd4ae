-- Vectors are float32 arrays (5 KB at 1,280 dimensions). PostgreSQL's pglz compressed most of them by a third,
-- and that compression was most of the database's CPU in storing a chunk of extracted vectors (measured: 0.3 ms
-- a row; 0.05-0.08 ms uncompressed); every read for training then decompressed them again. Stored out of line,
-- uncompressed (a third more disk for vectors); rows written before keep their compression.
ALTER TABLE "Bottleneck" ALTER COLUMN "vector" SET STORAGE EXTERNAL;
