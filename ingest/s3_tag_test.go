package ingest

import (
	"context"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/tags"
)

func setTag(ctx context.Context, s *S3, key string) error {
	tg, err := tags.MapToObjectTags(map[string]string{"checked": "yes"})
	if err != nil {
		return err
	}
	return s.Client().PutObjectTagging(ctx, "hoso-uploads", key, tg, minio.PutObjectTaggingOptions{})
}
